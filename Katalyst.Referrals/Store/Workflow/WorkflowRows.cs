namespace Katalyst.Referrals.Store.Workflow;

/// <summary>The rows <see cref="WorkflowStore"/> reads, as Dapper fills them (timestamps through the store's type handler).</summary>
internal static class WorkflowRows
{
    public sealed class State
    {
        public long ReportId { get; init; }

        public string StatusCode { get; init; } = "";

        public long? AssigneeUserId { get; init; }

        public long? UnitId { get; init; }

        public int? ScoredTier { get; init; }

        public int? TierOverride { get; init; }

        public DateTimeOffset? FirstReviewedAt { get; init; }

        public DateTimeOffset StatusChangedAt { get; init; }
    }

    public sealed class History
    {
        public DateTimeOffset At { get; init; }

        public string UserName { get; init; } = "";

        public string FromCode { get; init; } = "";

        public string ToCode { get; init; } = "";

        public string? Reason { get; init; }
    }

    public sealed class Label
    {
        public long ReportId { get; init; }

        public DateTimeOffset At { get; init; }

        public string UserName { get; init; } = "";

        public string Kind { get; init; } = "";

        public string Value { get; init; } = "";

        public string Reason { get; init; } = "";
    }

    public sealed class Note
    {
        public long Id { get; init; }

        public DateTimeOffset At { get; init; }

        public string UserName { get; init; } = "";

        public string Text { get; init; } = "";
    }
}
