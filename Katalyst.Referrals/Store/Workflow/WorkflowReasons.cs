using Katalyst.Referrals.Store.Queue;

namespace Katalyst.Referrals.Store.Workflow;

/// <summary>
/// The reasons a move or an action needs: a listed one to close or refer onward, free text to reopen or to override
/// a tier, text for a note. Each returns the trimmed text to store or refuses with a message naming the move.
/// </summary>
internal static class WorkflowReasons
{
    public static string? Check(WorkflowOptions options, long reportId, ReferralStatus from, ReferralStatus to, string? reason)
    {
        var move = $"{from.ToDisplayName()} → {to.ToDisplayName()}";
        if (ReferralWorkflow.NeedsListedReason(to))
        {
            var listed = options.ReasonsFor(to);
            var given = reason?.Trim();
            var match = listed.FirstOrDefault(r => string.Equals(r.Trim(), given, StringComparison.OrdinalIgnoreCase));
            return match ?? throw new WorkflowRefusedException(string.IsNullOrEmpty(given)
                ? $"Referral {reportId}: {move} needs a reason from the list: {string.Join("; ", listed)}."
                : $"Referral {reportId}: '{given}' is not a reason for {move}; pick one of: {string.Join("; ", listed)}.");
        }

        if (ReferralWorkflow.IsReopening(from, to))
        {
            return RequireText(reportId, reason, $"Reopening ({move}) needs a reason", WorkflowLimits.MaxReasonLength);
        }

        return string.IsNullOrWhiteSpace(reason) ? null : RequireText(reportId, reason, "", WorkflowLimits.MaxReasonLength);
    }

    public static string RequireText(long reportId, string? text, string missing, int maxLength)
    {
        var clean = text?.Trim() ?? "";
        if (clean.Length == 0)
        {
            throw new WorkflowRefusedException($"Referral {reportId}: {missing}.");
        }

        return clean.Length <= maxLength
            ? clean
            : throw new WorkflowRefusedException($"Referral {reportId}: the text is {clean.Length} characters; at most {maxLength}.");
    }
}
