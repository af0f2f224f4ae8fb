using System.Text.RegularExpressions;

namespace Katalyst.Portal.Tests.Referral;

/// <summary>Finds chat lines whose message opens in Urdu script, so their direction must be right to left.</summary>
internal static partial class UrduScript
{
    /// <summary>True when the message text of a <c>[time] sender: text</c> line starts with an Arabic-script letter.</summary>
    public static bool StartsWithUrdu(string line) => UrduMessage().IsMatch(line);

    /// <summary>The message text of such a line, or null.</summary>
    public static string? Message(string line) => UrduMessage().Match(line) is { Success: true } m ? m.Groups["text"].Value.Trim() : null;

    [GeneratedRegex(@"^\[[^\]]+\] [^:]+: (?<text>[\u0600-\u06FF].*)$")]
    private static partial Regex UrduMessage();
}
