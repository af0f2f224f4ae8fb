using System.Security.Claims;
using Katalyst.Portal.Access;
using Katalyst.Portal.Evidence;
using Katalyst.Portal.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Katalyst.Portal.Tests.Evidence;

public sealed class EvidenceAccessTests(ImportedPortalServer server) : IClassFixture<ImportedPortalServer>
{
    [Fact]
    public async Task RevealAsync_LockedFile_RefusedWithReason()
    {
        var (reportId, file) = await EvidenceFiles.LockedAsync(server);
        await using var scope = server.Services.CreateAsyncScope();

        var refused = await Assert.ThrowsAsync<EvidenceRefusedException>(() =>
            scope.ServiceProvider.GetRequiredService<EvidenceAccess>().RevealAsync(Person(PortalRoles.Investigator), reportId, file.FileId, TestContext.Current.CancellationToken));

        Assert.Contains("legal authority", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevealAsync_Auditor_Refused()
    {
        var (reportId, file) = await EvidenceFiles.OpenImageAsync(server);
        await using var scope = server.Services.CreateAsyncScope();

        var refused = await Assert.ThrowsAsync<EvidenceRefusedException>(() =>
            scope.ServiceProvider.GetRequiredService<EvidenceAccess>().RevealAsync(Person(PortalRoles.Auditor), reportId, file.FileId, TestContext.Current.CancellationToken));

        Assert.Contains("investigators and supervisors only", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAuthorityAsync_Investigator_Refused()
    {
        var (reportId, _) = await EvidenceFiles.LockedAsync(server);
        await using var scope = server.Services.CreateAsyncScope();

        var refused = await Assert.ThrowsAsync<EvidenceRefusedException>(() =>
            scope.ServiceProvider.GetRequiredService<EvidenceAccess>().RecordAuthorityAsync(
                Person(PortalRoles.Investigator), reportId, "W-1", "synthetic note", TestContext.Current.CancellationToken));

        Assert.Contains("Only a supervisor", refused.Message, StringComparison.Ordinal);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<EvidenceAccess>().AuthorityAsync(reportId, TestContext.Current.CancellationToken));
    }

    private static ClaimsPrincipal Person(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "test.someone"), new Claim(ClaimTypes.Role, role)], "test"));
}
