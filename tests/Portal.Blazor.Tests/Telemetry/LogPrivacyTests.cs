using System.Text.RegularExpressions;
using System.Xml.Linq;
using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Store;
using Katalyst.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Katalyst.Portal.Tests.Telemetry;

/// <summary>
/// No referral text or personal data reaches the logs at the default levels: a batch is imported through the portal's
/// own importer (one package rejected because of a planted value) and scored by the portal's background run through
/// the real scoring service, and every log entry is searched for the suspects' identifiers and the planted value.
/// </summary>
public sealed partial class LogPrivacyTests
{
    private const string Planted = "planted.suspect.7f3a@example.invalid";

    [Fact]
    public async Task ImportAndScoring_DefaultLevels_LogNoPersonalDataOrReferralText()
    {
        var ct = TestContext.Current.CancellationToken;
        var batch = Directory.CreateTempSubdirectory("katalyst-log-privacy-").FullName;
        await using var service = new InferenceProcess();
        var logs = new CapturedLogs();
        try
        {
            new ReferralGenerator(new GeneratorOptions { Count = 6, Seed = 9090, OutputDirectory = batch }).Generate(ct: ct);
            var secrets = PlantAndCollect(batch);
            await service.InitializeAsync();
            await using var portal = new LoggedPortal(logs, service);
            await portal.InitializeAsync();

            var summary = await portal.Services.GetRequiredService<ReferralImporter>().ImportAsync(batch, cancellationToken: ct);
            Assert.Equal(6, summary.Imported);
            Assert.Single(summary.Rejections);
            await WaitUntilScoredAsync(portal.Services.GetRequiredService<ReferralScoreStore>(), ct);

            Assert.NotEmpty(logs.Entries);
            var leaks = logs.Entries.Where(e => secrets.Any(s => e.Contains(s, StringComparison.OrdinalIgnoreCase))).ToList();
            Assert.True(leaks.Count == 0, "personal data or referral text in the logs:\n" + string.Join("\n", leaks));
        }
        finally
        {
            Directory.Delete(batch, recursive: true);
        }
    }

    // Every suspect's and reporter's email and screen name in the batch, and the planted value, which also goes into a
    // copy of one package where a date belongs, so that package is rejected and its rejection logged.
    private static List<string> PlantAndCollect(string batch)
    {
        var reports = Directory.GetFiles(batch, "report.xml", SearchOption.AllDirectories);
        var secrets = reports.SelectMany(r => XDocument.Load(r).Descendants()
                .Where(e => e.Name.LocalName is "email" or "screenName" && !e.HasElements && e.Value.Length >= 6)
                .Select(e => e.Value.Trim()))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(secrets);
        secrets.Add(Planted);

        var original = Path.GetDirectoryName(reports[0])!;
        var broken = Path.Combine(batch, "zz-broken-" + Path.GetFileName(original));
        CopyFolder(original, broken);
        var report = Path.Combine(broken, "report.xml");
        var xml = File.ReadAllText(report);
        var planted = IncidentDateTime().Replace(xml, $"${{open}}{Planted}${{close}}", 1);
        Assert.NotEqual(xml, planted);
        File.WriteAllText(report, planted);
        return secrets;
    }

    private static async Task WaitUntilScoredAsync(ReferralScoreStore scores, CancellationToken ct)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while ((await scores.UnscoredAsync(1, ct)).Count > 0)
        {
            Assert.True(DateTime.UtcNow < until, "the portal's background run did not score the imported referrals within 90 s");
            await Task.Delay(200, ct);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex("(?<open><incidentDateTime[^>]*>)[^<]*(?<close></incidentDateTime>)")]
    private static partial Regex IncidentDateTime();

    private sealed class LoggedPortal(CapturedLogs logs, InferenceProcess service) : PortalServer(
        new Dictionary<string, string?>
        {
            // appsettings.json's levels: what a default install logs.
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Scoring:Server"] = service.Address,
            ["Scoring:ApiKey"] = service.ApiKey,
            ["Scoring:IntervalSeconds"] = "1",
        },
        services => services.AddSingleton<ILoggerProvider>(logs));
}
