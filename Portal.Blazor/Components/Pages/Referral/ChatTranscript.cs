using System.Text.RegularExpressions;

namespace Katalyst.Portal.Components.Pages.Referral;

/// <summary>One message of a chat log.</summary>
/// <param name="Time">The timestamp exactly as the log wrote it; null when the line had none.</param>
/// <param name="Sender">Who wrote it, as the log named them.</param>
/// <param name="Text">What they wrote; continuation lines are kept, joined by line breaks.</param>
/// <param name="FromReported">True when the sender is one of the reported persons (or, failing a match, the first sender).</param>
public sealed record ChatMessage(string? Time, string Sender, string Text, bool FromReported);

/// <summary>
/// Splits chat content into messages when it is written one message a line, as ESPs and the synthetic
/// generator write logs: <c>[2024-05-01 14:03] name: text</c>, <c>2024-05-01T14:03:00Z name: text</c> or
/// <c>name: text</c>. Anything else stays plain text: a log is never reshaped on a guess.
/// </summary>
public static partial class ChatTranscript
{
    /// <summary>
    /// The messages of <paramref name="content"/>; empty when the content does not read as a log (its first
    /// non-blank line is not a message, or it holds a single message without a timestamp).
    /// </summary>
    /// <param name="content">The chat content as received.</param>
    /// <param name="reportedNames">Screen names, display names and ids of the reported persons: their messages are marked.</param>
    public static IReadOnlyList<ChatMessage> Parse(string? content, IReadOnlyCollection<string> reportedNames)
    {
        ArgumentNullException.ThrowIfNull(reportedNames);
        if (string.IsNullOrWhiteSpace(content))
        {
            return [];
        }

        var parsed = new List<(string? Time, string Sender, List<string> Lines)>();
        foreach (var raw in content.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            var match = line.Length == 0 ? null : MessageLine().Match(line);
            if (match is { Success: true })
            {
                var time = match.Groups["bracketed"].Success ? match.Groups["bracketed"].Value
                    : match.Groups["plain"].Success ? match.Groups["plain"].Value : null;
                parsed.Add((time, match.Groups["sender"].Value.Trim(), [match.Groups["text"].Value]));
            }
            else if (parsed.Count == 0)
            {
                if (line.Length > 0)
                {
                    return [];
                }
            }
            else
            {
                parsed[^1].Lines.Add(line);
            }
        }

        if (parsed.Count == 0 || (parsed.Count == 1 && parsed[0].Time is null))
        {
            return [];
        }

        var senders = parsed.Select(p => p.Sender).Distinct(StringComparer.Ordinal).ToList();
        var reported = senders.Where(s => reportedNames.Contains(s, StringComparer.OrdinalIgnoreCase)).ToHashSet(StringComparer.Ordinal);
        if (reported.Count == 0)
        {
            reported.Add(senders[0]);
        }

        return [.. parsed.Select(p => new ChatMessage(p.Time, p.Sender, string.Join('\n', p.Lines).TrimEnd(), reported.Contains(p.Sender)))];
    }

    // A sender is up to 64 characters without brackets or colons; the text follows ": ".
    [GeneratedRegex(@"^\s*(?:\[(?<bracketed>[^\]\n]{1,40})\]\s*|(?<plain>\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)\s+)?(?<sender>[^\[\]:\n]{1,64}?):(?:\s(?<text>.*)|(?<text>)$)", RegexOptions.CultureInvariant)]
    private static partial Regex MessageLine();
}
