using System.ComponentModel.DataAnnotations;
using Katalyst.Referrals.Store.Dashboard;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Components.Pages.Dashboard;

/// <summary>The dashboard (section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Dashboard";

    /// <summary>Seconds the figures are kept per scope before the store is read again; default 60, 0 reads every visit.</summary>
    [Range(0, 3600)]
    public int CacheSeconds { get; set; } = 60;
}

/// <summary>Registers the dashboard's options and its <see cref="DashboardCache"/>.</summary>
public static class DashboardRegistration
{
    /// <summary>Binds and validates <see cref="DashboardOptions"/> and adds one <see cref="DashboardCache"/>.</summary>
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DashboardOptions>().Bind(builder.Configuration.GetSection(DashboardOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton(sp => new DashboardCache(
            sp.GetRequiredService<DashboardStore>(),
            sp.GetRequiredService<IMemoryCache>(),
            sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<DashboardOptions>>().Value.CacheSeconds)));
        return builder;
    }
}
