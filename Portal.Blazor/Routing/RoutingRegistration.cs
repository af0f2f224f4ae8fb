using Katalyst.Referrals.Geography;
using Katalyst.Referrals.Store.Routing;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Routing;

/// <summary>Registers geography and routing: the locator over the agency's IP data, the background routing and the demo rules.</summary>
public static class RoutingRegistration
{
    /// <summary>Adds section <c>Geography</c> (validated at start), the locator, routing in the background and its admin.</summary>
    public static IHostApplicationBuilder AddReferralRouting(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<GeographyOptions>()
            .Bind(builder.Configuration.GetSection(GeographyOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(s =>
        {
            var options = s.GetRequiredService<IOptions<GeographyOptions>>().Value;
            return new ReferralLocator(options, options.OpenIpLocations());
        });
        builder.Services.AddSingleton<RoutingRuleStore>();
        builder.Services.AddSingleton<ReferralRoutingStore>();
        builder.Services.AddScoped<RoutingAdministration>();
        builder.Services.AddHostedService<DemoRoutingRulesOnStart>();
        builder.Services.AddHostedService<UnroutedReferralRouting>();
        return builder;
    }
}
