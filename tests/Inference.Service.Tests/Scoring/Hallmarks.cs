using Katalyst.Protos.V1;

namespace Katalyst.Inference.Tests.Scoring;

/// <summary>Requests with each tier's hallmark from triage-policy.md, in benign, non-explicit words.</summary>
internal static class Hallmarks
{
    /// <summary>A plain referral: possession of known material, a suspect identifiable in the country, no text.</summary>
    public static ScoreRequest Plain(long reportId)
    {
        var request = new ScoreRequest
        {
            ReportId = reportId,
            IncidentType = IncidentType.ChildPornography,
            ReportType = ReportType.Referral,
            RoutedInCountry = true,
            Annotations = new ReportAnnotations(),
            NcmecPriority = "3",
        };
        request.ReportedPersons.Add(new ReportedPerson { Phones = 1, InCountryPhones = 1, ScreenName = true, IpEvents = 3, InCountryIpEvents = 2 });
        request.Files.Add(new ReferralFile { FileId = "f1", ViewedByEsp = true, HashMatch = HashMatch.Known, Annotations = new FileAnnotations() });
        return request;
    }

    public static ScoreRequest Tier1Meeting() => WithChat(Plain(101), "hi, how was school\nkal shaam 5 baje park mein milte hain, akele aana\nmeet me at the mall on Sunday, don't bring anyone");

    public static ScoreRequest Tier1Escalated()
    {
        var request = Plain(102);
        request.EscalateToHighPriority = "The child says an adult is coming to their home tonight.";
        return request;
    }

    public static ScoreRequest Tier2Grooming() => WithChat(Plain(201), "you are so mature for your age\nthis is our little secret, ok?\napne ammi abbu ko mat batana");

    public static ScoreRequest Tier3KnownMaterialInCountry() => Plain(301);

    public static ScoreRequest Tier4MinorToMinor()
    {
        var request = Plain(401);
        request.Annotations.MinorToMinorInteraction = true;
        return request;
    }

    public static ScoreRequest Tier5Informational()
    {
        var request = Plain(501);
        request.ReportType = ReportType.Informational;
        return request;
    }

    private static ScoreRequest WithChat(ScoreRequest request, string chat)
    {
        request.Texts.Add(new FreeText { Source = TextSource.Chat, Text = chat });
        return request;
    }
}
