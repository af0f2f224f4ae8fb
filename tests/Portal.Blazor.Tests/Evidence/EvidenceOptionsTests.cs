using Katalyst.Portal.Evidence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Tests.Evidence;

public sealed class EvidenceOptionsTests
{
    [Theory]
    [InlineData("Evidence:RevealMinutes", "0")]
    [InlineData("Evidence:PreviewMaxSide", "5000")]
    [InlineData("Evidence:MaxPreviewPixels", "0")]
    public void Validate_OutOfRange_FailsAtStartNamingTheKey(string key, string value)
    {
        using var host = Host(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_NoSection_DefaultsLockBothCases()
    {
        using var host = Host([]);
        host.Services.GetRequiredService<IStartupValidator>().Validate();

        var options = host.Services.GetRequiredService<IOptions<EvidenceOptions>>().Value;

        Assert.True(options.RequireAuthorityWhenEspDidNotView);
        Assert.True(options.RequireAuthorityWhenViewedUnknown);
    }

    [Fact]
    public void Bind_RuleSwitchedOff_IsRead()
    {
        using var host = Host(new() { ["Evidence:RequireAuthorityWhenViewedUnknown"] = "false" });

        var options = host.Services.GetRequiredService<IOptions<EvidenceOptions>>().Value;

        Assert.True(options.RequireAuthorityWhenEspDidNotView);
        Assert.False(options.RequireAuthorityWhenViewedUnknown);
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddEvidence();
        return builder.Build();
    }
}
