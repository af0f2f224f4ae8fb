using Katalyst.Referrals.Store.Workflow;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Components.Pages.Referral.Workflow;

/// <summary>Registers the referral workflow: its settings, store and the work panel's actions.</summary>
public static class WorkflowRegistration
{
    /// <summary>
    /// Binds <see cref="WorkflowOptions"/> (section <c>Workflow</c>: <c>ClosingReasons</c>, <c>ReferralDestinations</c>),
    /// validated at start-up so a blank or repeated reason fails with its key, and registers <see cref="WorkflowStore"/>
    /// and <see cref="ReferralWorkActions"/>.
    /// </summary>
    public static IHostApplicationBuilder AddReferralWorkflow(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<WorkflowOptions>()
            .Bind(builder.Configuration.GetSection(WorkflowOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WorkflowOptions>, WorkflowOptionsValidation>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<WorkflowOptions>>().Value);
        builder.Services.AddSingleton<WorkflowStore>();
        builder.Services.AddScoped<ReferralWorkActions>();
        return builder;
    }

    private sealed class WorkflowOptionsValidation : IValidateOptions<WorkflowOptions>
    {
        public ValidateOptionsResult Validate(string? name, WorkflowOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
