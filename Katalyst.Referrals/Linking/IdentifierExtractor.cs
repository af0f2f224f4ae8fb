using System.Globalization;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Model;

namespace Katalyst.Referrals.Linking;

/// <summary>
/// Finds the identifiers of a referral's suspects (reported persons or users and their associated accounts), of its
/// files (hashes, upload IP and devices) and NCMEC's report references, each normalised, once per kind and value (the
/// first occurrence is kept). Victims, recipients and the ESP's own staff are not the subject and are left out. Pure.
/// </summary>
public sealed class IdentifierExtractor(LinkingPhoneNumbers phones)
{
    /// <summary>An extractor that reads national phone numbers as Pakistani.</summary>
    public static IdentifierExtractor Pakistan { get; } = new(new LinkingPhoneNumbers("PK"));

    /// <summary>Every identifier of <paramref name="referral"/>.</summary>
    public IReadOnlyList<ReferralIdentifier> Extract(ParsedReferral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var found = new Found();
        var reportId = Text(referral.Manifest.ReportId);
        found.Add(IdentifierKinds.CtReport, reportId, reportId, "manifest.json reportId");
        found.Add(IdentifierKinds.RelatedReport, reportId, reportId, "manifest.json reportId");
        foreach (var related in referral.Manifest.RelatedReports)
        {
            found.Add(IdentifierKinds.RelatedReport, Text(related), Text(related), "manifest.json relatedReports");
        }

        var platform = referral.Report.IncidentSummary.Platform;
        var suspects = referral.Report.PersonsOrUsersReported;
        for (var i = 0; i < suspects.Count; i++)
        {
            var where = $"report.xml personOrUserReported[{i + 1}]";
            var suspect = suspects[i];
            Person(found, suspect.Person?.Emails ?? [], suspect.Person?.Phones ?? [], where);
            Account(found, suspect.Account, suspect.Account.EspService ?? platform, where);
            for (var a = 0; a < suspect.AssociatedAccounts.Count; a++)
            {
                var associated = suspect.AssociatedAccounts[a];
                var at = $"{where}/associatedAccount[{a + 1}]";
                Person(found, associated.Emails, associated.Phones, at);
                Account(found, associated.Account, associated.Platform ?? associated.Account.EspService ?? platform, at);
            }
        }

        foreach (var file in referral.Files)
        {
            File(found, file);
        }

        return found.All;
    }

    private void Person(Found found, IReadOnlyList<EmailAddress> emails, IReadOnlyList<Model.PhoneNumber> numbers, string where)
    {
        for (var e = 0; e < emails.Count; e++)
        {
            found.Add(IdentifierKinds.Email, EmailAddresses.Normalize(emails[e].Value), emails[e].Value, $"{where}/email[{e + 1}]");
        }

        for (var p = 0; p < numbers.Count; p++)
        {
            var number = numbers[p];
            found.Add(IdentifierKinds.Phone, phones.Normalize(number.Value, number.CountryCallingCode), number.Value, $"{where}/phone[{p + 1}]");
        }
    }

    private static void Account(Found found, AccountDetails account, string? service, string where)
    {
        var scope = Scope(service);
        if (!string.IsNullOrWhiteSpace(account.EspIdentifier))
        {
            found.Add(IdentifierKinds.EspUserId, $"{scope}:{account.EspIdentifier.Trim().ToLowerInvariant()}", account.EspIdentifier, $"{where}/espIdentifier");
        }

        if (!string.IsNullOrWhiteSpace(account.ScreenName))
        {
            var name = account.ScreenName.Trim().TrimStart('@').ToLowerInvariant();
            found.Add(IdentifierKinds.ScreenName, name.Length == 0 ? null : $"{scope}:{name}", account.ScreenName, $"{where}/screenName");
            found.Add(IdentifierKinds.Handle, name, account.ScreenName, $"{where}/screenName");
        }

        for (var u = 0; u < account.ProfileUrls.Count; u++)
        {
            found.Add(IdentifierKinds.ProfileUrl, ProfileUrls.Normalize(account.ProfileUrls[u]), account.ProfileUrls[u], $"{where}/profileUrl[{u + 1}]");
        }

        for (var e = 0; e < account.IpCaptureEvents.Count; e++)
        {
            Ip(found, account.IpCaptureEvents[e], $"{where}/ipCaptureEvent[{e + 1}]");
        }

        for (var d = 0; d < account.DeviceIds.Count; d++)
        {
            Device(found, account.DeviceIds[d], $"{where}/deviceId[{d + 1}]");
        }

        foreach (var prior in account.PriorCTReports)
        {
            found.Add(IdentifierKinds.CtReport, Text(prior), Text(prior), $"{where}/priorCTReports");
        }
    }

    private static void File(Found found, ReferralFile file)
    {
        var where = $"files/{file.FileId}";
        if (file.Hashes is { } hashes)
        {
            found.Add(IdentifierKinds.Sha256, hashes.Sha256.ToLowerInvariant(), hashes.Sha256, $"{where} (bytes)");
            found.Add(IdentifierKinds.Md5, hashes.Md5.ToLowerInvariant(), hashes.Md5, $"{where} (bytes)");
        }

        if (file.Details is not { } details)
        {
            return;
        }

        foreach (var hash in details.OriginalFileHashes)
        {
            var kind = hash.HashType.Trim().ToUpperInvariant() switch
            {
                "MD5" => IdentifierKinds.Md5,
                "SHA256" or "SHA-256" => IdentifierKinds.Sha256,
                _ => null,
            };
            var hex = hash.Value.Trim().ToLowerInvariant();
            if (kind is not null && hex.Length == (kind == IdentifierKinds.Md5 ? 32 : 64) && hex.All(char.IsAsciiHexDigit))
            {
                found.Add(kind, hex, hash.Value, $"{where}.xml originalFileHash[@hashType={hash.HashType}]");
            }
        }

        if (details.IpCaptureEvent is { } upload)
        {
            Ip(found, upload, $"{where}.xml ipCaptureEvent");
        }

        for (var d = 0; d < details.DeviceIds.Count; d++)
        {
            Device(found, details.DeviceIds[d], $"{where}.xml deviceId[{d + 1}]");
        }
    }

    private static void Ip(Found found, IpCaptureEvent capture, string where)
    {
        var detail = string.Join(' ', new[]
        {
            capture.DateTime?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            capture.Port is { } port ? $"port {port.ToString(CultureInfo.InvariantCulture)}" : null,
            capture.EventName,
            capture.PossibleProxy == true ? "possible proxy" : null,
        }.OfType<string>());
        found.Add(IdentifierKinds.Ip, IpAddresses.Normalize(capture.IpAddress), capture.IpAddress, where, detail.Length == 0 ? null : detail);
    }

    private static void Device(Found found, DeviceId device, string where)
    {
        var type = device.IdType.Trim().ToUpperInvariant();
        var digits = new string(device.IdValue.Where(char.IsAsciiDigit).ToArray());
        var (kind, value) = type switch
        {
            "IMEI" or "IMEISV" when digits.Length is >= 14 and <= 16 => (IdentifierKinds.Imei, digits[..14]),
            "ICCID" when digits.Length is >= 18 and <= 22 => (IdentifierKinds.Iccid, digits),
            _ => (IdentifierKinds.Device, string.IsNullOrWhiteSpace(device.IdValue) ? null : $"{type.ToLowerInvariant()}:{device.IdValue.Trim().ToLowerInvariant()}"),
        };
        found.Add(kind, value, device.IdValue, where);
    }

    private static string Scope(string? service) =>
        string.IsNullOrWhiteSpace(service) ? "unknown" : new string(service.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The longest normalised value kept (the store's key column).</summary>
    public const int MaxValueLength = 400;

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    private sealed class Found
    {
        private readonly HashSet<(string, string)> seen = [];

        public List<ReferralIdentifier> All { get; } = [];

        public void Add(string kind, string? value, string surface, string source, string? detail = null)
        {
            // Longer values are not identifiers anyone shares (and would not fit the store's key); the rest is cut to fit.
            if (value is { Length: > 0 and <= MaxValueLength } && seen.Add((kind, value)))
            {
                All.Add(new ReferralIdentifier(kind, value, Cut(surface, 1000), Cut(source, 400), detail is null ? null : Cut(detail, 400)));
            }
        }
    }
}
