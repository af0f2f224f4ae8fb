using System.CommandLine;

namespace Katalyst.Cli.Partners;

/// <summary><c>--api-key</c> for commands that call the inference service; defaults to <c>KATALYST_API_KEY</c>.</summary>
internal static class ApiKeyOption
{
    /// <summary>The environment variable read when <c>--api-key</c> is not given.</summary>
    public const string EnvironmentVariable = "KATALYST_API_KEY";

    /// <summary>A new <c>--api-key</c> option.</summary>
    public static Option<string?> Create() => new("--api-key")
    {
        Description = $"This partner's API key for the inference service (made by 'katalyst partners add'); default: ${EnvironmentVariable}. Prefer the variable: a key on the command line lands in shell history.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } key ? key : null,
    };
}
