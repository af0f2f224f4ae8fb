namespace Katalyst.Referrals.Store.Routing;

/// <summary>One routing rule: referrals placed in <see cref="Province"/> (and <see cref="District"/>, when set) go to a unit.</summary>
/// <param name="Id">The store's number for the rule.</param>
/// <param name="Province">The province, state or region; <see cref="Fallback"/> for the fallback unit.</param>
/// <param name="District">One district or city of the province; empty for the whole province.</param>
/// <param name="UnitId">The unit.</param>
/// <param name="UnitCode">The unit's code.</param>
/// <param name="UnitName">The unit's name.</param>
/// <param name="CreatedAt">When an admin added it.</param>
/// <param name="CreatedBy">Who added it.</param>
public sealed record RoutingRule(long Id, string Province, string District, long UnitId, string UnitCode, string UnitName, DateTimeOffset CreatedAt, string CreatedBy)
{
    /// <summary>The province of the fallback rule: referrals no other rule places.</summary>
    public const string Fallback = "*";

    /// <summary>What the rule covers, in words.</summary>
    public string Place => Province == Fallback ? "anywhere else (fallback)" : District.Length == 0 ? Province : $"{District}, {Province}";
}

/// <summary>The unit a referral was routed to and why.</summary>
/// <param name="UnitId">The unit, or null when no rule applied and there is no fallback.</param>
/// <param name="Reason">Why, in words an investigator reads on the referral.</param>
public sealed record RoutingDecision(long? UnitId, string Reason);
