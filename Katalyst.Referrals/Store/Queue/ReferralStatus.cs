namespace Katalyst.Referrals.Store.Queue;

/// <summary>Where a referral stands in the investigators' work, from receipt to its end.</summary>
public enum ReferralStatus
{
    /// <summary>Received and not yet looked at by a person.</summary>
    New,

    /// <summary>A person has looked at it (its first review time is set).</summary>
    InReview,

    /// <summary>Given to a person or a unit to work.</summary>
    Assigned,

    /// <summary>Being investigated.</summary>
    Investigating,

    /// <summary>Passed to another agency; a person closed this part of the work with a reason.</summary>
    ReferredOnward,

    /// <summary>Closed by a person with a reason. The queue never closes anything itself.</summary>
    Closed,
}

/// <summary>The status codes the store keeps (<c>referral_queue.status</c>) and the names people read.</summary>
public static class ReferralStatusCodes
{
    private static readonly string[] Codes = ["new", "in_review", "assigned", "investigating", "referred_onward", "closed"];
    private static readonly string[] Names = ["New", "In review", "Assigned", "Investigating", "Referred onward", "Closed"];

    /// <summary>The code stored for a status, e.g. <c>in_review</c>.</summary>
    public static string ToCode(this ReferralStatus status) => Codes[(int)Checked(status)];

    /// <summary>The name shown to people, e.g. <c>In review</c>.</summary>
    public static string ToDisplayName(this ReferralStatus status) => Names[(int)Checked(status)];

    /// <summary>The status a stored code stands for.</summary>
    /// <exception cref="FormatException">The code is not one the store writes.</exception>
    public static ReferralStatus FromCode(string code)
    {
        var index = Array.IndexOf(Codes, code);
        return index >= 0
            ? (ReferralStatus)index
            : throw new FormatException($"'{code}' is not a referral status; expected one of {string.Join(", ", Codes)}.");
    }

    private static ReferralStatus Checked(ReferralStatus status) =>
        Enum.IsDefined(status) ? status : throw new ArgumentOutOfRangeException(nameof(status), status, "Not a referral status.");
}
