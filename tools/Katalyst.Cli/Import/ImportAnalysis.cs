using Katalyst.Cli.Console;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Scoring.Balancing;
using Katalyst.Referrals.Store;

namespace Katalyst.Cli.Import;

/// <summary>
/// <c>katalyst import --score</c>'s analysis step: every stored file not analysed yet goes to the media service before
/// any referral is scored, so scoring sees known versus new material (a referral is scored only once all its files are).
/// Pictures' pdq identifiers (near matches) wait in the linking outbox; they are linked here before scoring, which waits for them.
/// </summary>
internal static class ImportAnalysis
{
    /// <summary>Analyses what is unanalysed; false when the service failed (what was analysed stays stored).</summary>
    public static async Task<bool> AnalyseAsync(
        StoreDataSource dataSource, EvidenceStore evidence, ScoringTarget server, string? apiKey, LinkingOptions linking, CancellationToken cancellationToken)
    {
        using var client = new ScoringClient(server, apiKey);
        try
        {
            var run = await Terminal.WithProgressAsync(
                "Analysing files",
                null,
                report => new FileAnalysisRun(dataSource, evidence, client, linking: linking).AnalyseUnanalysedAsync(new InlineProgress<int>(report), cancellationToken));
            System.Console.WriteLine($"Analysed: {run.Analysed,7:N0} files ({run.Known:N0} known material)");
            foreach (var problem in run.Problems)
            {
                System.Console.WriteLine($"UNREADABLE {problem}");
            }

            if (linking.Enabled)
            {
                var linked = await new LinkingRun(dataSource, linking).DrainAsync(cancellationToken);
                System.Console.WriteLine($"Linked: {linked,9:N0} referrals by their pictures' PDQ");
            }

            return true;
        }
        catch (ScoringServiceException ex)
        {
            await System.Console.Error.WriteLineAsync($"katalyst import: the media service at {server} failed: {ex.Status}: {ex.Message}. The import itself is stored; run the import again with --score to analyse and score.");
            return false;
        }
    }
}
