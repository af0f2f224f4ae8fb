using System.Text;
using Katalyst.Referrals.Model;
using Katalyst.Referrals.Scoring;

namespace Katalyst.Referrals.Store.Queue;

/// <summary>
/// The searchable text of a report and the search expressions built from what a person types. Typed text is
/// never passed to the search engine as syntax: it is cut into words of letters and digits, each quoted.
/// </summary>
public static class QueueText
{
    /// <summary>The human text of a report: escalation text, chat, additional info and bios, one per line.</summary>
    public static string Of(EspReport report) => ReferralTexts.Joined(ReferralTexts.Of(report));

    /// <summary>The words of typed text: runs of letters, digits and combining marks (Urdu script included).</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark)
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>An FTS5 MATCH expression: every word must occur, each as a prefix (<c>"meet"*</c> finds "meeting").</summary>
    public static string SqliteMatch(string text) => string.Join(' ', Words(text).Select(w => $"\"{w}\"*"));

    /// <summary>A T-SQL LIKE pattern for the words in their order. Words hold no LIKE wildcard (%, _ or [), so none needs escaping.</summary>
    public static string SqlServerLike(string text) => "%" + string.Join('%', Words(text)) + "%";
}
