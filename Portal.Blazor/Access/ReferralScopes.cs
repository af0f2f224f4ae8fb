using System.Security.Claims;
using Katalyst.Referrals.Store.Access;
using Katalyst.Referrals.Store.Queue;

namespace Katalyst.Portal.Access;

/// <summary>
/// Which referrals a signed-in person may see and work. Supervisors see every referral. An investigator who is not
/// also a supervisor sees the referrals assigned to them, those of their unit, and those no unit holds yet: another
/// unit's work is not theirs (queue, referral page and media alike).
/// </summary>
public sealed class ReferralScopes(UserStore users, QueueStore queue)
{
    /// <summary>The person's scope; null when they may see every referral.</summary>
    public async Task<QueueScope?> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(PortalRoles.Supervisor) || !user.IsInRole(PortalRoles.Investigator))
        {
            return null;
        }

        // An identity-provider account that is not in the store has no unit yet: it sees only the referrals no unit holds.
        var account = user.Identity?.Name is { } name ? await users.FindAsync(name, cancellationToken) : null;
        return account is null ? new QueueScope(0, null) : new QueueScope(account.Id, account.UnitId);
    }

    /// <summary>True when the person may see the referral.</summary>
    public async Task<bool> MaySeeAsync(ClaimsPrincipal user, long reportId, CancellationToken cancellationToken = default) =>
        await ForAsync(user, cancellationToken) is not { } scope || await queue.InScopeAsync(reportId, scope, cancellationToken);
}
