using Katalyst.Referrals.Store.Access;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Katalyst.Portal.Audit;

/// <summary>Registers the audit log.</summary>
public static class AuditRegistration
{
    /// <summary>Adds <see cref="AuditLog"/> (scoped), its store and the circuit handler that keeps each circuit's client address.</summary>
    public static IHostApplicationBuilder AddPortalAudit(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AuditLogStore>();
        builder.Services.AddScoped<CircuitClient>();
        builder.Services.AddScoped<CircuitHandler, CircuitClient.Handler>();
        builder.Services.AddScoped<AuditLog>();
        return builder;
    }
}
