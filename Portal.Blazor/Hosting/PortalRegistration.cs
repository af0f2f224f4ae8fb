using Katalyst.Portal.Access;
using Katalyst.Portal.Audit;
using Katalyst.Portal.Components.Pages.Dashboard;
using Katalyst.Portal.Components.Pages.Queue;
using Katalyst.Portal.Components.Pages.Referral.Workflow;
using Katalyst.Portal.Evidence;
using Katalyst.Portal.Intake;
using Katalyst.Portal.Routing;
using Katalyst.Portal.Scoring;
using Katalyst.Referrals.Store;
using Microsoft.Extensions.Options;
using Katalyst.Referrals.Store.Migrations;
using Katalyst.Telemetry;
using MudBlazor.Services;

namespace Katalyst.Portal.Hosting;

/// <summary>Registers the portal's components, MudBlazor and the referral store.</summary>
public static class PortalRegistration
{
    /// <summary>
    /// Adds Razor components with interactive server rendering, MudBlazor's services and the referral
    /// store (section <c>Store</c>; migrations are applied before the portal serves).
    /// </summary>
    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.AddPortalKeyRing();
        builder.AddReferralStore();
        builder.AddPortalAudit();
        builder.AddPortalAccess();
        builder.AddReferralRouting();
        builder.AddIntake();
        builder.AddEvidence();
        builder.Services.AddScoped<QueueAccess>();
        builder.AddReferralWorkflow();
        builder.AddDashboard();
        builder.Services.AddOptions<PortalScoringOptions>()
            .Bind(builder.Configuration.GetSection(PortalScoringOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PortalScoringOptions>, PortalScoringOptionsValidation>();
        builder.Services.AddOptions<Katalyst.Referrals.Scoring.Outbox.ScoringOutboxOptions>()
            .Bind(builder.Configuration.GetSection(Katalyst.Referrals.Scoring.Outbox.ScoringOutboxOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<UnscoredReferralScoring>();
        builder.Services.AddHostedService<UnanalysedFileAnalysis>();
        builder.Services.AddSingleton<ScoringConnection>();
        builder.Services.AddSingleton<MigrationStatus>();
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [KatalystTelemetry.ReadyTag]);
        return builder;
    }
}
