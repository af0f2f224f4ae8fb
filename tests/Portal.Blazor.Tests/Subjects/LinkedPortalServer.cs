using System.Globalization;
using Dapper;
using Katalyst.Portal.Linking;
using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Linking.Subjects;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Access;
using Katalyst.Referrals.Store.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Portal.Tests.Subjects;

/// <summary>
/// A portal whose store holds five small referrals imported through the real importer with linking on, the phone
/// threshold lowered to 2 (in the importer and in the portal's <c>Linking</c> section alike):
/// <list type="bullet">
/// <item><see cref="First"/>, <see cref="Second"/> and <see cref="Third"/> share an e-mail (written in different
/// case) and a phone number: one subject.</item>
/// <item><see cref="PhoneOnly"/> shares only that phone, which four referrals carry, above the threshold: ignored,
/// so it stays its own subject.</item>
/// <item><see cref="Loner"/> shares nothing.</item>
/// <item><see cref="Waiting"/> shares nothing and is then put back in the linking outbox, as an import that stopped
/// between storing and linking leaves it; the portal's background linking is removed, so it stays waiting.</item>
/// </list>
/// <see cref="Second"/> is assigned to the supervisor in unit SUBJ-A; <see cref="Third"/> is held by unit SUBJ-B.
/// </summary>
public sealed class LinkedPortalServer() : PortalServer(
    new Dictionary<string, string?> { ["Linking:Thresholds:phone"] = "2" },
    services => services.Remove(services.Single(s => s.ImplementationType == typeof(WaitingReferralLinking))))
{
    /// <summary>Referral report numbers.</summary>
    public const long First = 81_000_001, Second = 81_000_002, Third = 81_000_003, PhoneOnly = 81_000_004, Loner = 81_000_005, Waiting = 81_000_006;

    /// <summary>The e-mail the three linked referrals share.</summary>
    public const string SharedEmail = "shared.suspect@example.com";

    /// <summary>The phone four referrals carry, in E.164.</summary>
    public const string CommonPhone = "+923001112223";

    /// <summary>The investigator of unit SUBJ-A (created with the store).</summary>
    public const string UnitAInvestigator = "subject.investigator";

    /// <summary>The subject of <see cref="First"/>, <see cref="Second"/> and <see cref="Third"/>.</summary>
    public long SubjectId { get; private set; }

    /// <summary>The supervisor's display name, who holds <see cref="Second"/>.</summary>
    public string SupervisorName { get; private set; } = "";

    /// <inheritdoc />
    protected override async Task PrepareStoreAsync(StoreDataSource dataSource, CancellationToken cancellationToken)
    {
        var batch = Directory.CreateTempSubdirectory("katalyst-subjects-").FullName;
        try
        {
            Write(batch, First, SharedEmail);
            Write(batch, Second, "Shared.Suspect@Example.com");
            Write(batch, Third, SharedEmail);
            Write(batch, PhoneOnly, "someone.else@example.com");
            Write(batch, Loner, "loner@example.com", phone: "03219876543");
            Write(batch, Waiting, "waiting@example.com", phone: "03331112223");
            var linking = new LinkingOptions { Thresholds = { [IdentifierKinds.Phone] = 2 } };
            var importer = new ReferralImporter(dataSource, Services.GetRequiredService<EvidenceStore>(),
                new IntakeOptions { Parallelism = 2 }, NullLogger<ReferralImporter>.Instance, linking);
            var summary = await importer.ImportAsync(batch, cancellationToken: cancellationToken);
            if (summary.Imported != 6)
            {
                throw new InvalidOperationException($"The linked packages did not all import ({summary.Imported}): {string.Join("; ", summary.Rejections)}");
            }
        }
        finally
        {
            Directory.Delete(batch, recursive: true);
        }

        await using (var connection = await dataSource.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO linking_outbox (report_id, identifiers, enqueued_at) VALUES (@Waiting, '[]', '2026-11-23T08:00:00.0000000Z')",
                new { Waiting }, cancellationToken: cancellationToken));
        }

        SubjectId = await Services.GetRequiredService<SubjectViewQuery>().SubjectOfAsync(First, cancellationToken)
            ?? throw new InvalidOperationException($"Referral {First} has no subject.");
        await HoldAsync(cancellationToken);
    }

    private async Task HoldAsync(CancellationToken cancellationToken)
    {
        var units = Services.GetRequiredService<UnitStore>();
        var a = await units.CreateAsync("SUBJ-A", "Subject test unit A", cancellationToken);
        var b = await units.CreateAsync("SUBJ-B", "Subject test unit B", cancellationToken);
        var users = Services.GetRequiredService<UserStore>();
        var supervisor = await users.FindAsync(await TestAccounts.ForRoleAsync(this, PortalRoles.Supervisor), cancellationToken)
            ?? throw new InvalidOperationException("The supervisor test account was not created.");
        SupervisorName = supervisor.DisplayName;
        var workflow = Services.GetRequiredService<WorkflowStore>();
        await workflow.AssignAsync(Second, supervisor.Id, a, supervisor.UserName, cancellationToken);
        await workflow.AssignAsync(Third, null, b, supervisor.UserName, cancellationToken);
        var hash = Services.GetRequiredService<IPasswordHasher<UserAccount>>().HashPassword(null!, TestAccounts.Password);
        await users.CreateAsync(new NewUserAccount(UnitAInvestigator, "Unit A Investigator", hash, a, [PortalRoles.Investigator]), cancellationToken);
    }

    // A small valid package (benign text, no files) whose reported person has one e-mail and one phone.
    private static void Write(string batch, long reportId, string email, string phone = "03001112223")
    {
        var folder = Path.Combine(batch, reportId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(folder, "files"));
        File.WriteAllText(Path.Combine(folder, "manifest.json"), $$"""
            { "reportId": {{reportId}}, "receivedAt": "2026-10-0{{reportId % 10}}T08:00:00Z", "reportType": "referral", "ncmecPriority": "3", "country": "PK" }
            """);
        File.WriteAllText(Path.Combine(folder, "report.xml"), $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <report>
              <incidentSummary>
                <incidentType>Online Enticement of Children for Sexual Acts</incidentType>
                <platform>Example Chat</platform>
                <incidentDateTime>2026-10-01T10:00:00Z</incidentDateTime>
              </incidentSummary>
              <reporter>
                <reportingPerson>
                  <firstName>Test</firstName>
                  <lastName>Reporter</lastName>
                </reportingPerson>
              </reporter>
              <personOrUserReported>
                <personOrUserReportedPerson>
                  <phone type="Mobile" countryCallingCode="+92">{phone}</phone>
                  <email>{email}</email>
                </personOrUserReportedPerson>
              </personOrUserReported>
            </report>
            """);
    }
}
