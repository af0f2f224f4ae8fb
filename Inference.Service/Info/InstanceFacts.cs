using System.Reflection;
using System.Runtime.InteropServices;

namespace Katalyst.Inference.Info;

/// <summary>The build and runtime facts of this service instance, read once at start-up.</summary>
/// <param name="startedAt">When this instance started (UTC).</param>
public sealed class InstanceFacts(DateTimeOffset startedAt)
{
    /// <summary>The name this service reports, whatever its assembly is called.</summary>
    public const string ServiceName = "Katalyst.Inference";

    /// <summary>The informational version of the service assembly (with the commit when built from git).</summary>
    public string Version { get; } = ReadVersion(typeof(InstanceFacts).Assembly);

    /// <summary>The .NET runtime description, e.g. <c>.NET 10.0.0</c>.</summary>
    public string Runtime { get; } = RuntimeInformation.FrameworkDescription;

    /// <summary>The operating system description.</summary>
    public string OperatingSystem { get; } = RuntimeInformation.OSDescription;

    /// <summary>When this instance started (UTC).</summary>
    public DateTimeOffset StartedAt { get; } = startedAt.ToUniversalTime();

    private static string ReadVersion(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";
}
