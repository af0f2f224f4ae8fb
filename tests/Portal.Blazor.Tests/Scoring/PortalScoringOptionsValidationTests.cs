using Katalyst.Portal.Scoring;

namespace Katalyst.Portal.Tests.Scoring;

public sealed class PortalScoringOptionsValidationTests
{
    private readonly PortalScoringOptionsValidation validation = new();

    [Fact]
    public void Validate_AddressesList_SucceedsAndIsUsedInsteadOfServer()
    {
        var options = new PortalScoringOptions { Server = "http://127.0.0.1:5081", Addresses = ["http://10.0.0.1:5081", "http://10.0.0.2:5081"] };

        Assert.True(validation.Validate(null, options).Succeeded);
        Assert.Equal("http://10.0.0.1:5081,http://10.0.0.2:5081", options.Target()!.ToString());
    }

    [Fact]
    public void Validate_DnsServerWithTls_Succeeds()
    {
        var options = new PortalScoringOptions { Server = "dns:///scoring.katalyst.svc.cluster.local:5081", Tls = true };

        Assert.True(validation.Validate(null, options).Succeeded);
        Assert.True(options.Target()!.UsesTls);
    }

    [Fact]
    public void Validate_BadAddressInList_FailsNamingKeyAndIndex()
    {
        var options = new PortalScoringOptions { Addresses = ["http://10.0.0.1:5081", "10.0.0.2:5081"] };

        var result = validation.Validate(null, options);

        Assert.True(result.Failed);
        Assert.StartsWith("Scoring:Addresses[1] '10.0.0.2:5081' is not an address", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_ServerAndAddressesEmpty_ScoringOff()
    {
        var options = new PortalScoringOptions();

        Assert.True(validation.Validate(null, options).Succeeded);
        Assert.Null(options.Target());
    }
}
