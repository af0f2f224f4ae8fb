using System.Xml.Linq;
using Katalyst.Referrals.Model;
using static Katalyst.Referrals.Intake.Parsing.CommonTypeReader;

namespace Katalyst.Referrals.Intake.Parsing;

/// <summary>Reads one <c>internetDetails</c> record: an xs:choice of exactly one incident kind.</summary>
internal static class InternetDetailReader
{
    private static readonly string[] Kinds =
    [
        "webPageIncident", "emailIncident", "newsgroupIncident", "chatImIncident",
        "onlineGamingIncident", "cellPhoneIncident", "nonInternetIncident", "peer2peerIncident",
    ];

    private static readonly ElementLayout ChoiceLayout = ElementLayout.Unordered(Kinds);
    private static readonly ElementLayout WebPageLayout = ElementLayout.SequenceWithAttributes(["thirdPartyHostedContent"], "url*", "additionalInfo");
    private static readonly ElementLayout EmailLayout = ElementLayout.Sequence("emailAddress*", "content", "additionalInfo");
    private static readonly ElementLayout NewsgroupLayout = ElementLayout.Sequence("name", "emailAddress*", "content", "additionalInfo");
    private static readonly ElementLayout ChatLayout = ElementLayout.Sequence("chatClient", "chatRoomName", "content", "additionalInfo");
    private static readonly ElementLayout GamingLayout = ElementLayout.Sequence("gameName", "console", "content", "additionalInfo");
    private static readonly ElementLayout CellPhoneLayout = ElementLayout.Sequence("phoneNumber", "latitude", "longitude", "additionalInfo");
    private static readonly ElementLayout NonInternetLayout = ElementLayout.Sequence("locationName", "incidentAddress*", "additionalInfo");
    private static readonly ElementLayout PeerToPeerLayout = ElementLayout.Sequence("client", "ipCaptureEvent*", "fileNames", "additionalInfo");

    public static InternetDetail Read(SchemaReader r, XElement element)
    {
        var present = r.Children(element, ChoiceLayout).Present(Kinds).ToList();
        if (present.Count != 1)
        {
            var found = present.Count == 0 ? "none" : string.Join(" and ", present.Select(e => $"<{e.Name.LocalName}>"));
            throw r.Error(element, $"must hold exactly one incident kind (<webPageIncident>, <emailIncident>, ... <peer2peerIncident>); found {found}");
        }

        var kind = present[0];
        return kind.Name.LocalName switch
        {
            "webPageIncident" => WebPage(r, kind),
            "emailIncident" => Read(r, kind, EmailLayout, c => new EmailIncident(Emails(r, c.Many("emailAddress")), r.Text(c.One("content")))),
            "newsgroupIncident" => Read(r, kind, NewsgroupLayout, c => new NewsgroupIncident(
                r.Text(c.One("name")), Emails(r, c.Many("emailAddress")), r.Text(c.One("content")))),
            "chatImIncident" => Read(r, kind, ChatLayout, c => new ChatImIncident(
                r.Text(c.One("chatClient")), r.Text(c.One("chatRoomName")), r.Text(c.One("content")))),
            "onlineGamingIncident" => Read(r, kind, GamingLayout, c => new OnlineGamingIncident(
                r.Text(c.One("gameName")), r.Text(c.One("console")), r.Text(c.One("content")))),
            "cellPhoneIncident" => Read(r, kind, CellPhoneLayout, c => new CellPhoneIncident(
                c.One("phoneNumber") is { } phone ? Phone(r, phone) : null, r.Double(c.One("latitude")), r.Double(c.One("longitude")))),
            "nonInternetIncident" => Read(r, kind, NonInternetLayout, c => new NonInternetIncident(
                r.Text(c.One("locationName")), Addresses(r, c.Many("incidentAddress")))),
            _ => Read(r, kind, PeerToPeerLayout, c => new PeerToPeerIncident(
                r.Text(c.One("client")), IpCaptureEvents(r, c.Many("ipCaptureEvent")), r.Text(c.One("fileNames")))),
        };
    }

    private static WebPageIncident WebPage(SchemaReader r, XElement element) =>
        Read(r, element, WebPageLayout, c => new WebPageIncident(
            r.Texts(c.Many("url")), r.BooleanAttribute(element, "thirdPartyHostedContent")));

    private static T Read<T>(SchemaReader r, XElement element, ElementLayout layout, Func<ChildElements, T> create)
        where T : InternetDetail
    {
        var c = r.Children(element, layout);
        return create(c) with { AdditionalInfo = r.Text(c.One("additionalInfo")) };
    }
}
