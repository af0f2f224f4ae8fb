using System.Globalization;
using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Linking.Pdq;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Analysis;

namespace Katalyst.Referrals.Scoring;

/// <summary>What one analysis run did.</summary>
/// <param name="Analysed">Files analysed and stored.</param>
/// <param name="Known">Of those, files that matched a known-hash set.</param>
/// <param name="Problems">Files stored as unreadable for a reason outside the bytes (evidence missing, too large for the service), each named.</param>
public sealed record FileAnalysisRunSummary(int Analysed, int Known, IReadOnlyList<string> Problems);

/// <summary>
/// Analyses every referral file whose bytes are stored but not analysed yet (the "UnanalysedFiles" run): claims a few
/// files at a time through the database (a lease, as the scoring outbox does, so several portal instances on one store
/// never send a file to the service twice), reads the bytes from the <see cref="EvidenceStore"/> by SHA-256 (read only,
/// never changed), sends them to the media service and stores the answer once, ending the claim in the same
/// transaction. Crash-safe: a file is marked only when its answer is stored, so one not reached is released (or its
/// lease lapses) and picked up by the next run, and a second answer for a stored file changes nothing. A stored picture
/// with a usable PDQ gives its referral pdq identifiers (its own and its near matches in other referrals) in the same
/// transaction; the run keeps the PDQ index for that (<see cref="PdqNearMatchLinking"/>), so keep one run per process.
/// </summary>
/// <param name="dataSource">The store.</param>
/// <param name="evidence">The evidence the bytes are read from.</param>
/// <param name="client">The media service.</param>
/// <param name="time">The clock (the claims' leases); the system's when null.</param>
/// <param name="claimer">This instance's name in the claims it takes; machine, process and a random part when null.</param>
/// <param name="linking">The linking options (<see cref="LinkingOptions.PdqRadius"/>); the defaults when null.</param>
public sealed class FileAnalysisRun(
    StoreDataSource dataSource, EvidenceStore evidence, ScoringClient client, TimeProvider? time = null, string? claimer = null, LinkingOptions? linking = null)
{
    private readonly PdqNearMatchLinking pdqLinks = new(linking ?? new LinkingOptions());

    /// <summary>Files claimed per look: small, so instances side by side share a batch.</summary>
    public const int PageSize = 25;

    /// <summary>
    /// How long a claim holds before another instance may take the file over (the holder crashed): long enough for
    /// <see cref="PageSize"/> files at the service's pace. A file outliving it may be analysed again; the first answer stays.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private readonly string claimerName = claimer ?? WorkClaimers.NewName();

    /// <summary>Analyses what is unanalysed now; a file that fails this run for a reason the service gives is stored as unreadable with that reason.</summary>
    /// <exception cref="ScoringServiceException">The service cannot be reached or failed (nothing more is stored; the files claimed and not analysed are released for the next run).</exception>
    public async Task<FileAnalysisRunSummary> AnalyseUnanalysedAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var claims = new FileAnalysisClaimStore(dataSource, time, pdqLinks);
        var clock = time ?? TimeProvider.System;
        var (analysed, known) = (0, 0);
        var problems = new List<string>();
        var tried = new HashSet<(long, string)>();
        while (true)
        {
            var page = await claims.ClaimAsync(claimerName, PageSize, Lease, cancellationToken);
            // A file tried once this run and due again (its answer was not stored) waits for the next run: released now.
            var left = new Queue<UnanalysedFile>(page.Where(f => tried.Add((f.ReportId, f.FileId))));
            if (left.Count < page.Count)
            {
                await claims.ReleaseAsync(claimerName, page.Except(left), CancellationToken.None);
            }

            if (left.Count == 0)
            {
                break;
            }

            try
            {
                while (left.TryPeek(out var file))
                {
                    var row = await AnalyseAsync(file, clock.GetUtcNow(), problems, cancellationToken);
                    var stored = await claims.CompleteAsync(claimerName, row, cancellationToken);
                    left.Dequeue();
                    if (stored)
                    {
                        analysed++;
                        known += row.Verdict == FileVerdicts.Known ? 1 : 0;
                    }

                    progress?.Report(analysed);
                }
            }
            finally
            {
                if (left.Count > 0)
                {
                    await claims.ReleaseAsync(claimerName, left, CancellationToken.None);
                }
            }
        }

        return new FileAnalysisRunSummary(analysed, known, problems);
    }

    private async Task<StoredFileAnalysis> AnalyseAsync(UnanalysedFile file, DateTimeOffset at, List<string> problems, CancellationToken cancellationToken)
    {
        using var activity = Intake.Import.IntakeTelemetry.StartInReferralTrace(ScoringRunTelemetry.Source, "analyse file", file.TraceParent);
        activity?.SetTag(Intake.Import.IntakeTelemetry.ReportIdTag, file.ReportId);
        var name = string.Create(CultureInfo.InvariantCulture, $"report {file.ReportId} file {file.FileId}");
        Stream bytes;
        try
        {
            bytes = evidence.OpenRead(file.Sha256);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Problem(file, $"{name}: the evidence bytes {file.Sha256} cannot be read ({ex.Message})", at, problems);
        }

        await using (bytes)
        {
            try
            {
                var analysis = await client.AnalyzeAsync(bytes, name, cancellationToken);
                return StoredFileAnalysis.From(file.ReportId, file.FileId, analysis, at);
            }
            catch (ScoringServiceException ex) when (ex.Status is "ResourceExhausted" or "InvalidArgument")
            {
                return Problem(file, ex.Message, at, problems);
            }
        }
    }

    // Hashes are those intake stored; the bytes themselves could not be analysed.
    private static StoredFileAnalysis Problem(UnanalysedFile file, string problem, DateTimeOffset at, List<string> problems)
    {
        problems.Add(problem);
        return new StoredFileAnalysis(file.ReportId, file.FileId, file.Sha256, file.Md5, file.Sha1, 0, false, problem, null, null, FileVerdicts.Unreadable,
            null, null, null, null, null, at);
    }
}
