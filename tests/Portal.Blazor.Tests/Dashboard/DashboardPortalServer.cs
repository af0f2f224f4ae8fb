using Dapper;
using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Access;
using Microsoft.AspNetCore.Identity;

namespace Katalyst.Portal.Tests.Dashboard;

/// <summary>
/// A portal with 12 referrals, four of them received this month, and work done on four: every figure on the
/// dashboard is known. The unit "North Cyber Wing" holds three of them (two open); its investigator signs in as
/// <see cref="UnitInvestigator"/>.
/// </summary>
public sealed class DashboardPortalServer : PortalServer
{
    /// <summary>The investigator in the North Cyber Wing.</summary>
    public const string UnitInvestigator = "north.investigator";

    /// <summary>The unit's name.</summary>
    public const string UnitName = "North Cyber Wing";

    // Waits from receipt to first review: 3 h, 5 h, 1 h and 2 h; the unit's are 3 h, 5 h and 2 h.
    private const string Work = """
        UPDATE referral_queue SET received_at = @MonthStart WHERE report_id IN (@R0, @R1, @R2, @R3);
        UPDATE referral_queue SET status = 'assigned', unit_id = @UnitId, first_reviewed_at = @Plus3h WHERE report_id = @R0;
        UPDATE referral_queue SET status = 'investigating', unit_id = @UnitId, first_reviewed_at = @Plus5h WHERE report_id = @R1;
        UPDATE referral_queue SET status = 'in_review', first_reviewed_at = @Plus1h WHERE report_id = @R2;
        UPDATE referral_queue SET status = 'closed', unit_id = @UnitId, first_reviewed_at = @Plus2h WHERE report_id = @R3;
        """;

    /// <inheritdoc />
    protected override async Task PrepareStoreAsync(StoreDataSource dataSource, CancellationToken cancellationToken)
    {
        var referrals = await ReferralRows.InsertAsync(dataSource, 12, cancellationToken);
        var unitId = await new UnitStore(dataSource).CreateAsync("north", UnitName, cancellationToken);
        var hash = new PasswordHasher<UserAccount>().HashPassword(null!, TestAccounts.Password);
        await new UserStore(dataSource).CreateAsync(
            new NewUserAccount(UnitInvestigator, "North Investigator", hash, unitId, [PortalRoles.Investigator]), cancellationToken);

        var now = DateTimeOffset.UtcNow;
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Work, new
        {
            MonthStart = monthStart,
            Plus1h = monthStart.AddHours(1),
            Plus2h = monthStart.AddHours(2),
            Plus3h = monthStart.AddHours(3),
            Plus5h = monthStart.AddHours(5),
            UnitId = unitId,
            R0 = referrals[0].ReportId,
            R1 = referrals[1].ReportId,
            R2 = referrals[2].ReportId,
            R3 = referrals[3].ReportId,
        }, cancellationToken: cancellationToken));
    }
}
