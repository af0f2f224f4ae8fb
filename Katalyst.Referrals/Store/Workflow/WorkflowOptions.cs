using Katalyst.Referrals.Store.Queue;

namespace Katalyst.Referrals.Store.Workflow;

/// <summary>
/// The reasons a person picks from when a referral's work ends (section <c>Workflow</c>). An empty list means the
/// defaults; a configured list replaces them (configuration binding appends to a pre-filled list, so the defaults
/// are applied only when nothing is configured).
/// </summary>
public sealed class WorkflowOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Workflow";

    /// <summary>The closing reasons used when <see cref="ClosingReasons"/> is empty.</summary>
    public static IReadOnlyList<string> DefaultClosingReasons { get; } =
    [
        "No offence identified",
        "Duplicate of another referral",
        "Insufficient information to act",
        "Outside jurisdiction",
        "Referred to another agency",
        "Investigation complete",
    ];

    /// <summary>The destinations used when <see cref="ReferralDestinations"/> is empty.</summary>
    public static IReadOnlyList<string> DefaultReferralDestinations { get; } =
    [
        "Provincial police",
        "Child protection services",
        "Another country's law enforcement (via NCMEC)",
        "Another unit of this agency",
    ];

    /// <summary>Reasons for closing a referral (<c>Workflow:ClosingReasons</c>); default <see cref="DefaultClosingReasons"/>.</summary>
    public List<string> ClosingReasons { get; init; } = [];

    /// <summary>Where a referral may be referred onward (<c>Workflow:ReferralDestinations</c>); default <see cref="DefaultReferralDestinations"/>.</summary>
    public List<string> ReferralDestinations { get; init; } = [];

    /// <summary>The closing reasons in force: the configured ones, else the defaults.</summary>
    public IReadOnlyList<string> EffectiveClosingReasons => ClosingReasons.Count > 0 ? ClosingReasons : DefaultClosingReasons;

    /// <summary>The referral destinations in force: the configured ones, else the defaults.</summary>
    public IReadOnlyList<string> EffectiveReferralDestinations => ReferralDestinations.Count > 0 ? ReferralDestinations : DefaultReferralDestinations;

    /// <summary>The reasons a person picks from for a move to <paramref name="to"/>; empty when the move takes no listed reason.</summary>
    public IReadOnlyList<string> ReasonsFor(ReferralStatus to) => to switch
    {
        ReferralStatus.Closed => EffectiveClosingReasons,
        ReferralStatus.ReferredOnward => EffectiveReferralDestinations,
        _ => [],
    };

    /// <summary>Every problem with these settings, each naming the key; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Check(ClosingReasons, $"{Section}:{nameof(ClosingReasons)}", problems);
        Check(ReferralDestinations, $"{Section}:{nameof(ReferralDestinations)}", problems);
        return problems;
    }

    private static void Check(List<string> values, string key, List<string> problems)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                problems.Add($"{key}:{i} is blank; every entry must name a reason.");
            }
            else if (values[i].Length > WorkflowLimits.MaxReasonLength)
            {
                problems.Add($"{key}:{i} is {values[i].Length} characters; at most {WorkflowLimits.MaxReasonLength}.");
            }
        }

        foreach (var duplicate in values.Where(v => !string.IsNullOrWhiteSpace(v)).GroupBy(v => v.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"{key} lists '{duplicate.Key}' more than once.");
        }
    }
}

/// <summary>Sizes the store accepts for the workflow's free text.</summary>
public static class WorkflowLimits
{
    /// <summary>The longest reason (listed or typed) kept with a move or an override.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>The longest note.</summary>
    public const int MaxNoteLength = 4000;
}
