using Microsoft.AspNetCore.DataProtection;

namespace Katalyst.Portal.Hosting;

/// <summary>The <c>KeyRing</c> configuration section: where the portal keeps the keys that protect its sign-in cookies.</summary>
public sealed class KeyRingOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "KeyRing";

    /// <summary>
    /// A folder for the data-protection key ring (sign-in cookies, antiforgery tokens). Empty (the default) keeps
    /// ASP.NET Core's per-user folder, which a container loses on restart: everyone is signed out. Set it to a
    /// persistent volume, and to one shared volume when several portal replicas serve one agency. The keys are
    /// stored unencrypted: the folder must be readable by the portal's account only (docs/security.md).
    /// </summary>
    public string Path { get; set; } = "";
}

/// <summary>Registers data protection with the portal's application name and, when configured, a shared key folder.</summary>
public static class KeyRingRegistration
{
    /// <summary>The application name every portal replica shares, so that each reads the others' cookies.</summary>
    public const string ApplicationName = "Katalyst.Portal";

    /// <summary>Adds data protection keyed by <see cref="KeyRingOptions.Path"/>.</summary>
    public static IHostApplicationBuilder AddPortalKeyRing(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        builder.Services.AddOptions<KeyRingOptions>().Bind(builder.Configuration.GetSection(KeyRingOptions.Section));
        var protection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        if (!string.IsNullOrWhiteSpace(options.Path))
        {
            var folder = Directory.CreateDirectory(options.Path);
            if (!OperatingSystem.IsWindows())
            {
                folder.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            }

            protection.PersistKeysToFileSystem(folder);
        }

        return builder;
    }
}
