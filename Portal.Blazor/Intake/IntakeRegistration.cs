using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Store;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Intake;

/// <summary>Registers uploads and their background imports.</summary>
public static class IntakeRegistration
{
    /// <summary>
    /// Binds <see cref="IntakeOptions"/> (section <c>Intake</c>: the importer's limits, as <c>katalyst import</c>'s options)
    /// and <see cref="UploadOptions"/> (section <c>Uploads</c>), and registers the importer, the background imports and the linking of referrals left waiting.
    /// </summary>
    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<IntakeOptions>().Bind(builder.Configuration.GetSection(IntakeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<UploadOptions>().Bind(builder.Configuration.GetSection(UploadOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddLinking(); // section Linking: thresholds, validated at start; uploads link as katalyst import does
        builder.Services.AddSingleton(sp => new ReferralImporter(
            sp.GetRequiredService<StoreDataSource>(),
            new EvidenceStore(sp.GetRequiredService<IOptions<StoreOptions>>().Value.EvidencePath),
            sp.GetRequiredService<IOptions<IntakeOptions>>().Value,
            sp.GetRequiredService<ILogger<ReferralImporter>>(),
            sp.GetRequiredService<IOptions<LinkingOptions>>().Value));
        builder.Services.AddSingleton<BackgroundImports>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BackgroundImports>());
        builder.Services.AddHostedService<Linking.WaitingReferralLinking>(); // referrals a crashed import left waiting to be linked
        return builder;
    }
}
