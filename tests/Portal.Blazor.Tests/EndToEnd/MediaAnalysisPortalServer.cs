using Katalyst.Media.HashSets;
using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Store;
using Katalyst.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Portal.Tests.EndToEnd;

/// <summary>
/// Issue 5's acceptance: referrals generated with media, the generator's <c>known-hashes.csv</c> imported as hash set
/// <see cref="SetName"/> into the real inference service (its own process), the referrals imported into the portal's
/// store, then every file analysed and every referral scored through the typed client, as the portal's runs do.
/// </summary>
public sealed class MediaAnalysisPortalServer : PortalServer
{
    /// <summary>The hash set the known pool goes into.</summary>
    public const string SetName = "known-pool";

    private const int Seed = 5005;
    private const int Count = 60;

    private readonly string folder;
    private readonly InferenceProcess service;

    /// <summary>Generates the batch and the hash-set folder; the service and portal start in <see cref="InitializeAsync"/>.</summary>
    public MediaAnalysisPortalServer()
        : this(Directory.CreateTempSubdirectory("katalyst-media-acceptance-").FullName)
    {
    }

    private MediaAnalysisPortalServer(string folder)
        : base(new Dictionary<string, string?> { ["Scoring:Server"] = "" }) // the test runs analysis and scoring itself, once
    {
        this.folder = folder;
        service = new InferenceProcess(ownModels: false, new Dictionary<string, string> { ["HashSets:Path"] = HashSetsPath });
    }

    /// <summary>The generated batch (packages and the generator's truth files).</summary>
    public string BatchPath => Path.Combine(folder, "batch");

    /// <summary>The store the portal reads.</summary>
    public StoreDataSource DataSource { get; private set; } = null!;

    /// <summary>What the analysis run did.</summary>
    public FileAnalysisRunSummary Analysis { get; private set; } = null!;

    /// <summary>What the scoring run did.</summary>
    public Katalyst.Referrals.Scoring.Outbox.OutboxPass Scoring { get; private set; } = null!;

    private string HashSetsPath => Path.Combine(folder, "hashsets");

    /// <inheritdoc />
    public override async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        new ReferralGenerator(new GeneratorOptions { Count = Count, Seed = Seed, OutputDirectory = BatchPath, Media = true }).Generate(ct: ct);
        new HashSetFolder(HashSetsPath).Import(Path.Combine(BatchPath, "known-hashes.csv"), SetName, cancellationToken: ct);
        await service.InitializeAsync();
        await base.InitializeAsync();
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await service.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <inheritdoc />
    protected override async Task PrepareStoreAsync(StoreDataSource dataSource, CancellationToken cancellationToken)
    {
        DataSource = dataSource;
        var evidence = Services.GetRequiredService<EvidenceStore>();
        var importer = new ReferralImporter(dataSource, evidence, new IntakeOptions { Parallelism = 2 }, NullLogger<ReferralImporter>.Instance);
        var summary = await importer.ImportAsync(BatchPath, cancellationToken: cancellationToken);
        if (summary.Imported != Count)
        {
            throw new InvalidOperationException($"The generated packages did not all import ({summary.Imported}): {string.Join("; ", summary.Rejections)}");
        }

        using var client = new ScoringClient(new Uri(service.Address), service.ApiKey);
        Analysis = await new FileAnalysisRun(dataSource, evidence, client).AnalyseUnanalysedAsync(cancellationToken: cancellationToken);
        // Pictures' pdq identifiers wait in the linking outbox and scoring waits for them, as in the portal (WaitingReferralLinking).
        await new Katalyst.Referrals.Linking.LinkingRun(dataSource, new Katalyst.Referrals.Linking.LinkingOptions()).DrainAsync(cancellationToken);
        // Through the scoring outbox, as the portal and `katalyst import --score` score.
        Scoring = await new Katalyst.Referrals.Scoring.Outbox.ScoringOutboxRun(
            dataSource, client, ScoringContext.Pakistan(), new Katalyst.Referrals.Scoring.Outbox.ScoringOutboxOptions(), "media-analysis-tests", afterAnalysis: true)
            .DrainAsync(cancellationToken: cancellationToken);
    }
}
