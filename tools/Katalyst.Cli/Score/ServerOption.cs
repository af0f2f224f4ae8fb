using System.CommandLine;
using Katalyst.Referrals.Scoring.Balancing;

namespace Katalyst.Cli.Score;

/// <summary>
/// <c>--server</c>: the scoring replicas, as one address, a comma-separated list of them (calls spread round robin), or
/// <c>dns:///host:port</c>, the way the portal's <c>Scoring:Server</c> / <c>Scoring:Addresses</c> name them.
/// </summary>
internal static class ServerOption
{
    /// <summary>The option's text in help.</summary>
    public const string Help =
        "The scoring service: http://host:port, several comma-separated (calls are spread round robin over those that answer), or dns:///host:port for every replica behind a DNS name.";

    /// <summary>A <c>--server</c> option defaulting to the local service.</summary>
    public static Option<string> Create() => new("--server") { Description = Help, DefaultValueFactory = _ => "http://127.0.0.1:5081" };

    /// <summary>Reads the option's value; false (after saying why on stderr, prefixed by <paramref name="command"/>) when it is wrong.</summary>
    public static bool TryRead(string value, string command, out ScoringTarget target, string option = "--server")
    {
        try
        {
            target = ScoringTarget.ParseList(value, option);
            return true;
        }
        catch (FormatException ex)
        {
            System.Console.Error.WriteLine($"{command}: {ex.Message}");
            target = null!;
            return false;
        }
    }
}
