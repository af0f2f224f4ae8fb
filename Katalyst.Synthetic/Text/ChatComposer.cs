using System.Globalization;
using System.Text;
using Katalyst.Synthetic.Labels;
using Katalyst.Synthetic.Sampling;

namespace Katalyst.Synthetic.Text;

/// <summary>
/// Writes chat logs, ESP notes and bios. Indicator sentences come only from <see cref="IndicatorPhrases"/> and
/// the ESP summaries below, so a referral's text expresses exactly the indicators it was planned with.
/// </summary>
internal static class ChatComposer
{
    private static readonly TextIndicators[] Order =
    [
        TextIndicators.Grooming, TextIndicators.ContactAbuse, TextIndicators.Production, TextIndicators.Meeting,
        TextIndicators.Trafficking, TextIndicators.Sextortion, TextIndicators.SelfHarmRisk,
    ];

    public static string Chat(Random rng, DateTime start, string suspect, string other, TextIndicators indicators, bool deadline)
    {
        var sb = new StringBuilder();
        var at = start;
        void Say(string who, string text)
        {
            at = at.AddMinutes(rng.Next(1, 40)).AddSeconds(rng.Next(60));
            sb.Append('[').Append(at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append("] ")
                .Append(who).Append(": ").Append(text).Append('\n');
        }

        void SmallTalkRun(int max)
        {
            for (var i = rng.Next(1, max); i > 0; i--)
            {
                Say(rng.Chance(0.5) ? suspect : other, PhraseTemplate.Expand(rng, rng.Pick(SmallTalk.Lines)));
            }
        }

        SmallTalkRun(5);
        foreach (var indicator in Order)
        {
            if (!indicators.HasFlag(indicator))
            {
                continue;
            }

            for (var n = rng.Next(1, 3); n > 0; n--)
            {
                var (speaker, sentence) = Sentence(rng, indicator, suspect, other);
                if (indicator == TextIndicators.Sextortion && deadline && n == 1)
                {
                    sentence += " " + PhraseTemplate.Expand(rng, rng.Pick(IndicatorPhrases.Deadline));
                }

                Say(speaker, rng.Pick(SmallTalk.Openers) + sentence + rng.Pick(SmallTalk.Closers));
                if (rng.Chance(0.4))
                {
                    SmallTalkRun(3);
                }
            }
        }

        SmallTalkRun(4);
        return sb.ToString();
    }

    private static (string Speaker, string Sentence) Sentence(Random rng, TextIndicators indicator, string suspect, string child)
    {
        if (indicator == TextIndicators.SelfHarmRisk)
        {
            return rng.Chance(0.7)
                ? (child, PhraseTemplate.Expand(rng, rng.Pick(IndicatorPhrases.SelfHarmRisk)))
                : (suspect, PhraseTemplate.Expand(rng, rng.Pick(IndicatorPhrases.HarmThreats)));
        }

        return (suspect, PhraseTemplate.Expand(rng, rng.Pick(IndicatorPhrases.For(indicator))));
    }

    /// <summary>An ESP reviewer's note in plain English naming what the chat shows (never explicit).</summary>
    public static string EspSummary(Random rng, TextIndicators indicators)
    {
        var parts = new List<string>();
        foreach (var indicator in Order)
        {
            if (indicators.HasFlag(indicator))
            {
                parts.Add(indicator switch
                {
                    TextIndicators.Sextortion => "The user threatened to share the minor's photos unless paid.",
                    TextIndicators.Grooming => "The user told the minor to keep their chats secret from her parents.",
                    TextIndicators.Meeting => "The user proposed meeting the minor in person at a shopping mall.",
                    TextIndicators.Production => "The user repeatedly asked the minor to send photos of herself.",
                    TextIndicators.ContactAbuse => "The user says he tutors children alone at an academy.",
                    TextIndicators.Trafficking => "The user offered to bring a child to another user for payment.",
                    _ => "The minor said she would hurt herself.",
                });
            }
        }

        return string.Join(' ', parts);
    }

    public static string Note(Random rng) => PhraseTemplate.Expand(rng, rng.Pick(SmallTalk.EspNotes));

    public static string Bio(Random rng) => PhraseTemplate.Expand(rng, rng.Pick(SmallTalk.Bios));
}
