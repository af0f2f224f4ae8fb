using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Katalyst.Referrals.Linking;

/// <summary>Registers linking with a host.</summary>
public static class LinkingRegistration
{
    /// <summary>Binds and validates <see cref="LinkingOptions"/> (section <c>Linking</c>) at start-up and registers <see cref="SubjectQueries"/> and <see cref="Subjects.SubjectViewQuery"/>.</summary>
    public static IHostApplicationBuilder AddLinking(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<LinkingOptions>().Bind(builder.Configuration.GetSection(LinkingOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LinkingOptions>, LinkingOptionsValidation>();
        builder.Services.AddSingleton<SubjectQueries>();
        builder.Services.AddSingleton<Subjects.SubjectViewQuery>();
        return builder;
    }

    private sealed class LinkingOptionsValidation : IValidateOptions<LinkingOptions>
    {
        public ValidateOptionsResult Validate(string? name, LinkingOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
