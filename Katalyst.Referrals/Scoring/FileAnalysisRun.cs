using System.Globalization;
using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Analysis;

namespace Katalyst.Referrals.Scoring;

/// <summary>What one analysis run did.</summary>
/// <param name="Analysed">Files analysed and stored.</param>
/// <param name="Known">Of those, files that matched a known-hash set.</param>
/// <param name="Problems">Files stored as unreadable for a reason outside the bytes (evidence missing, too large for the service), each named.</param>
public sealed record FileAnalysisRunSummary(int Analysed, int Known, IReadOnlyList<string> Problems);

/// <summary>
/// Analyses every referral file whose bytes are stored but not analysed yet (the "UnanalysedFiles" run): reads the
/// bytes from the <see cref="EvidenceStore"/> by SHA-256 (read only, never changed), sends them to the media service
/// and stores the answer once. Crash-safe: a file is marked only when its answer is stored, so one not reached is
/// picked up by the next run, and a second answer for a stored file changes nothing.
/// </summary>
public sealed class FileAnalysisRun(StoreDataSource dataSource, EvidenceStore evidence, ScoringClient client, TimeProvider? time = null)
{
    /// <summary>Files read from the store per look.</summary>
    public const int PageSize = 200;

    /// <summary>Analyses what is unanalysed now; a file that fails this run for a reason the service gives is stored as unreadable with that reason.</summary>
    /// <exception cref="ScoringServiceException">The service cannot be reached or failed (nothing more is stored; the next run carries on).</exception>
    public async Task<FileAnalysisRunSummary> AnalyseUnanalysedAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var store = new FileAnalysisStore(dataSource);
        var clock = time ?? TimeProvider.System;
        var (analysed, known) = (0, 0);
        var problems = new List<string>();
        var tried = new HashSet<(long, string)>();
        while (true)
        {
            var page = (await store.UnanalysedAsync(PageSize, cancellationToken)).Where(f => tried.Add((f.ReportId, f.FileId))).ToList();
            if (page.Count == 0)
            {
                break;
            }

            foreach (var file in page)
            {
                var row = await AnalyseAsync(file, clock.GetUtcNow(), problems, cancellationToken);
                if (await store.SaveAsync(row, cancellationToken))
                {
                    analysed++;
                    known += row.Verdict == FileVerdicts.Known ? 1 : 0;
                }

                progress?.Report(analysed);
            }
        }

        return new FileAnalysisRunSummary(analysed, known, problems);
    }

    private async Task<StoredFileAnalysis> AnalyseAsync(UnanalysedFile file, DateTimeOffset at, List<string> problems, CancellationToken cancellationToken)
    {
        using var activity = ScoringRunTelemetry.Source.StartActivity("analyse file");
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
