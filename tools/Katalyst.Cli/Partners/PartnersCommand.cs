using System.CommandLine;
using System.Globalization;
using Katalyst.Inference.Partners;

namespace Katalyst.Cli.Partners;

/// <summary>
/// <c>katalyst partners add|list|revoke</c>: who may call the inference service. Edits the partners file the service
/// reads (<c>Partners:Path</c>) and re-reads when it changes; an added key is printed once and stored only as a hash.
/// </summary>
internal static class PartnersCommand
{
    /// <summary>Exit code for a bad argument, an unknown or duplicate name, or a bad partners file.</summary>
    public const int Refused = 2;

    public static Command Create()
    {
        var command = new Command("partners", "Partners of the inference service: add one (an API key, printed once, or a client certificate), list them, revoke one.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Option<string> FileOption() => new("--file")
    {
        Description = "The partners file; the inference service reads the same file (Partners:Path).",
        DefaultValueFactory = _ => Path.Combine("data", "partners.json"),
    };

    private static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = "The partner's name (letters, digits, '.', '_', '-'), logged with each of its calls." };
        var methods = new Option<string>("--methods")
        {
            Description = "Comma-separated methods it may call: katalyst.v1.Scoring/Score, a whole service katalyst.v1.Scoring/*, or * for all.",
            Required = true,
        };
        var expires = new Option<string>("--expires") { Description = "Last day of access, yyyy-MM-dd (UTC); access ends at the following midnight.", Required = true };
        var rate = new Option<int>("--rate") { Description = "Calls (and stream messages) a second.", DefaultValueFactory = _ => PartnersFile.DefaultRatePerSecond };
        var maxBytes = new Option<int>("--max-request-bytes") { Description = "Largest request message in bytes.", DefaultValueFactory = _ => PartnersFile.DefaultMaxRequestBytes };
        var certificate = new Option<string?>("--certificate") { Description = "A client certificate's SHA-256 (or SHA-1) thumbprint: the partner uses mutual TLS instead of a key." };
        var file = FileOption();
        var command = new Command("add", "Add a partner. Prints its API key once: it is stored only as a SHA-256 and cannot be shown again.") { name, methods, expires, rate, maxBytes, certificate, file };
        command.SetAction(result =>
        {
            if (!DateOnly.TryParseExact(result.GetValue(expires), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var lastDay))
            {
                return Fail("add", $"--expires: '{result.GetValue(expires)}' is not a date (yyyy-MM-dd)");
            }

            var thumbprint = result.GetValue(certificate)?.Replace(":", "", StringComparison.Ordinal).ToUpperInvariant();
            var key = thumbprint is null ? PartnerKey.Generate() : default;
            var entry = new PartnerEntry
            {
                Name = result.GetValue(name)!,
                KeyId = key.KeyId,
                KeySha256 = key.Sha256,
                CertificateThumbprint = thumbprint,
                Methods = [.. result.GetValue(methods)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                ExpiresAt = new DateTimeOffset(lastDay.AddDays(1), TimeOnly.MinValue, TimeSpan.Zero),
                RatePerSecond = result.GetValue(rate),
                MaxRequestBytes = result.GetValue(maxBytes),
                CreatedAt = DateTimeOffset.UtcNow,
            };
            return Edit("add", result.GetValue(file)!, partners =>
            {
                var existing = partners.FindIndex(p => string.Equals(p.Name, entry.Name, StringComparison.OrdinalIgnoreCase));
                if (existing >= 0 && partners[existing].RevokedAt is null)
                {
                    return $"partner '{entry.Name}' exists; revoke it first to give it new credentials";
                }

                // A revoked partner's name may be given new credentials; its old key id stays refused with it.
                if (existing >= 0)
                {
                    partners.RemoveAt(existing);
                }

                partners.Add(entry);
                return null;
            }, () =>
            {
                System.Console.WriteLine(key.Key is null
                    ? $"Partner '{entry.Name}' added: client certificate {thumbprint}, until {entry.ExpiresAt:yyyy-MM-dd HH:mm} UTC."
                    : $"Partner '{entry.Name}' added, until {entry.ExpiresAt:yyyy-MM-dd HH:mm} UTC. Its API key (shown once, keep it secret):");
                if (key.Key is not null)
                {
                    System.Console.WriteLine(key.Key);
                }
            });
        });
        return command;
    }

    private static Command List()
    {
        var file = FileOption();
        var command = new Command("list", "List the partners: name, credential kind, methods, expiry, limits, revoked. Never a secret.") { file };
        command.SetAction(result =>
        {
            IReadOnlyList<PartnerEntry> partners;
            try
            {
                partners = PartnersFile.Read(result.GetValue(file)!);
            }
            catch (InvalidDataException ex)
            {
                return Fail("list", ex.Message);
            }

            if (partners.Count == 0)
            {
                System.Console.WriteLine($"No partners in {Path.GetFullPath(result.GetValue(file)!)}.");
                return 0;
            }

            System.Console.WriteLine($"{"partner",-24} {"credential",-24} {"expires (UTC)",-16} {"rate/s",8} {"max bytes",10}  {"state",-8} methods");
            foreach (var p in partners)
            {
                var credential = p.KeyId is not null ? $"key {p.KeyId}" : $"cert {p.CertificateThumbprint![..16]}…";
                var state = p.RevokedAt is not null ? "revoked" : p.ExpiresAt <= DateTimeOffset.UtcNow ? "expired" : "active";
                System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{p.Name,-24} {credential,-24} {p.ExpiresAt.UtcDateTime,-16:yyyy-MM-dd HH:mm} {p.RatePerSecond,8} {p.MaxRequestBytes,10}  {state,-8} {string.Join(',', p.Methods)}"));
            }

            return 0;
        });
        return command;
    }

    private static Command Revoke()
    {
        var name = new Argument<string>("NAME") { Description = "The partner's name." };
        var file = FileOption();
        var command = new Command("revoke", "Revoke a partner: its key or certificate is refused from the moment the service re-reads the file (seconds). The entry stays, marked revoked.") { name, file };
        command.SetAction(result =>
        {
            var partnerName = result.GetValue(name)!;
            return Edit("revoke", result.GetValue(file)!, partners =>
            {
                var index = partners.FindIndex(p => string.Equals(p.Name, partnerName, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    return $"no partner named '{partnerName}'";
                }

                partners[index] = partners[index] with { RevokedAt = partners[index].RevokedAt ?? DateTimeOffset.UtcNow };
                return null;
            }, () => System.Console.WriteLine($"Partner '{partnerName}' revoked."));
        });
        return command;
    }

    // Read, change, check and write the whole file; a refusal (or a bad file) writes nothing.
    private static int Edit(string verb, string path, Func<List<PartnerEntry>, string?> change, Action done)
    {
        try
        {
            var partners = PartnersFile.Read(path).ToList();
            if (change(partners) is { } refusal)
            {
                return Fail(verb, refusal);
            }

            PartnersFile.Write(path, partners);
            done();
            return 0;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return Fail(verb, ex.Message);
        }
    }

    private static int Fail(string verb, string message)
    {
        System.Console.Error.WriteLine($"katalyst partners {verb}: {message}");
        return Refused;
    }
}
