using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Evidence;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Evidence;

/// <summary>Registers evidence viewing: options, the legal gate, previews, reveals and legal authority.</summary>
public static class EvidenceRegistration
{
    /// <summary>
    /// Binds and validates <see cref="EvidenceOptions"/> (section <c>Evidence</c>) at start, and adds the evidence
    /// store (read only here), <see cref="EvidenceGate"/>, <see cref="PreviewRenderer"/> and <see cref="EvidenceAccess"/>.
    /// </summary>
    public static IHostApplicationBuilder AddEvidence(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<EvidenceOptions>()
            .Bind(builder.Configuration.GetSection(EvidenceOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(sp => new EvidenceStore(sp.GetRequiredService<IOptions<StoreOptions>>().Value.EvidencePath));
        builder.Services.AddSingleton<LegalAuthorityStore>();
        builder.Services.AddSingleton<RevealLookup>();
        builder.Services.AddSingleton<EvidenceGate>();
        builder.Services.AddSingleton<PreviewRenderer>();
        builder.Services.AddScoped<EvidenceAccess>();
        return builder;
    }
}
