using Katalyst.Portal.Tests.Referral;
using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Detail;
using Katalyst.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Portal.Tests.Hosting;

/// <summary>
/// A portal whose store holds referrals imported through the real importer: a small generated batch (with media)
/// and the two hand-written packages of <see cref="HandWrittenPackages"/>. Scores are seeded for the referrals the
/// tests open.
/// </summary>
public sealed class ImportedPortalServer : PortalServer
{
    /// <summary>The generator's seed and batch size: fixed, so the same referrals come back every run.</summary>
    public const int Seed = 4242;

    /// <summary>How many referrals the generator writes.</summary>
    public const int GeneratedCount = 40;

    /// <summary>The score seeded for the full hand-written referral and the Urdu generated one.</summary>
    public static readonly ReferralScore SeededScore = new(
        0, 1, "IMMEDIATE", 0.97, 2,
        new Dictionary<string, double>
        {
            ["sextortion"] = 0.12, ["grooming"] = 0.81, ["meeting"] = 0.93, ["production"] = 0.05,
            ["contact_abuse"] = 0.02, ["trafficking"] = 0.01, ["self_harm_risk"] = 0.03,
        },
        [
            new ScoreReason("esp.escalated", 3.1, "The ESP escalated the report."),
            new ScoreReason("text.meeting", 2.4, "The texts arrange an offline meeting with a child."),
        ],
        ["1 file was not viewed by the ESP: legal authority needed before viewing."],
        ["esp-escalation: The ESP escalated the report."],
        "text-indicators test, priority test");

    /// <summary>The store the portal reads.</summary>
    public StoreDataSource DataSource { get; private set; } = null!;

    /// <summary>Report numbers of the generated referrals, ascending.</summary>
    public IReadOnlyList<long> Generated { get; private set; } = [];

    /// <summary>A generated referral with a reported person, a victim, files and a chat holding Urdu script.</summary>
    public long UrduReportId { get; private set; }

    /// <summary>The read model over the test store.</summary>
    public ReferralDetailQuery DetailQuery() => new(DataSource, new ReferralQueries(DataSource), new ReferralScoreStore(DataSource));

    /// <inheritdoc />
    protected override async Task PrepareStoreAsync(StoreDataSource dataSource, CancellationToken cancellationToken)
    {
        DataSource = dataSource;
        var folder = Directory.CreateTempSubdirectory("katalyst-referral-page-").FullName;
        try
        {
            var batch = Path.Combine(folder, "batch");
            new ReferralGenerator(new GeneratorOptions { Count = GeneratedCount, Seed = Seed, OutputDirectory = batch, Media = true })
                .Generate(ct: cancellationToken);
            Generated = [.. Directory.GetDirectories(batch).Select(d => long.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture)).Order()];
            HandWrittenPackages.Write(batch, Generated[0]);

            // Into the portal's own evidence store, so that the media endpoints serve the imported bytes.
            var importer = new ReferralImporter(dataSource, Services.GetRequiredService<EvidenceStore>(),
                new IntakeOptions { Parallelism = 2 }, NullLogger<ReferralImporter>.Instance);
            var summary = await importer.ImportAsync(batch, cancellationToken: cancellationToken);
            if (summary.Rejections.Count > 0 || summary.Imported != GeneratedCount + 2)
            {
                throw new InvalidOperationException(
                    $"The test packages did not all import ({summary.Imported} imported): {string.Join("; ", summary.Rejections)}");
            }

            UrduReportId = await FindUrduReferralAsync(cancellationToken);
            await new ReferralScoreStore(dataSource).SaveAsync(
                [SeededScore with { ReportId = HandWrittenPackages.FullReportId }, SeededScore with { ReportId = UrduReportId }],
                cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<long> FindUrduReferralAsync(CancellationToken cancellationToken)
    {
        var query = DetailQuery();
        foreach (var id in Generated)
        {
            var detail = await query.GetAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Generated referral {id} is not stored.");
            var report = detail.Referral.Report;
            var chat = report.InternetDetails.OfType<Katalyst.Referrals.Model.ChatImIncident>().FirstOrDefault()?.Content ?? "";
            if (report.PersonsOrUsersReported.Count > 0 && report.Victims.Count > 0 && detail.Files.Count > 0
                && detail.Files.Any(f => f.Sha256 is not null) && chat.Split('\n').Any(UrduScript.StartsWithUrdu))
            {
                return id;
            }
        }

        throw new InvalidOperationException(
            $"None of the {GeneratedCount} referrals generated with seed {Seed} has a person, a victim, files and a chat line in Urdu script; pick another seed.");
    }
}
