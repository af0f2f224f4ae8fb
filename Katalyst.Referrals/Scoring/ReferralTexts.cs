using Katalyst.Protos.V1;
using Katalyst.Referrals.Model;

namespace Katalyst.Referrals.Scoring;

/// <summary>
/// Every free text of a report that the text model reads: chat and message content, additional info, profile bios and
/// the escalation text. One place, so that training and scoring read exactly the same texts.
/// </summary>
public static class ReferralTexts
{
    /// <summary>The report's free texts, in document order, empty ones left out.</summary>
    public static IEnumerable<FreeText> Of(EspReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var texts = new List<FreeText>();
        Add(texts, TextSource.Escalation, report.IncidentSummary.EscalateToHighPriority);
        foreach (var detail in report.InternetDetails)
        {
            Add(texts, TextSource.Chat, detail switch
            {
                ChatImIncident chat => chat.Content,
                EmailIncident email => email.Content,
                NewsgroupIncident news => news.Content,
                OnlineGamingIncident game => game.Content,
                _ => null,
            });
            Add(texts, TextSource.AdditionalInfo, detail.AdditionalInfo);
        }

        foreach (var suspect in report.PersonsOrUsersReported)
        {
            Add(texts, TextSource.ProfileBio, suspect.Account.ProfileBio);
            Add(texts, TextSource.AdditionalInfo, suspect.AdditionalInfo);
        }

        foreach (var victim in report.Victims)
        {
            Add(texts, TextSource.AdditionalInfo, victim.AdditionalInfo);
        }

        Add(texts, TextSource.AdditionalInfo, report.AdditionalInfo);
        return texts;
    }

    /// <summary>All free texts joined with new lines: the text model's input.</summary>
    public static string Joined(IEnumerable<FreeText> texts) => string.Join('\n', texts.Select(t => t.Text));

    private static void Add(List<FreeText> texts, TextSource source, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            texts.Add(new FreeText { Source = source, Text = text });
        }
    }
}
