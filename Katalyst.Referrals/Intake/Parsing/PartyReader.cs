using System.Xml.Linq;
using Katalyst.Referrals.Model;
using static Katalyst.Referrals.Intake.Parsing.CommonTypeReader;

namespace Katalyst.Referrals.Intake.Parsing;

/// <summary>Reads the report's parties: reported users, intended recipients, victims and their associated accounts.</summary>
internal static class PartyReader
{
    private static readonly ElementLayout ReportedLayout = ElementLayout.Sequence(
        "personOrUserReportedPerson", "vehicleDescription", "espIdentifier", "espService", "compromisedAccount", "screenName",
        "displayName*", "profileUrl*", "profileBio", "ipCaptureEvent*", "deviceId*", "thirdPartyUserReported", "priorCTReports*",
        "groupIdentifier", "accountTemporarilyDisabled", "accountPermanentlyDisabled", "estimatedLocation", "allEmailsReported",
        "associatedAccount*", "additionalInfo");

    private static readonly ElementLayout RecipientLayout = ElementLayout.Sequence(
        "intendedRecipientPerson", "espIdentifier", "espService", "compromisedAccount", "screenName", "displayName*", "profileUrl*",
        "profileBio", "ipCaptureEvent*", "deviceId*", "priorCTReports*", "groupIdentifier", "accountTemporarilyDisabled",
        "accountPermanentlyDisabled", "estimatedLocation", "allEmailsReported", "additionalInfo*");

    private static readonly ElementLayout VictimLayout = ElementLayout.Sequence(
        "victimPerson", "espIdentifier", "espService", "compromisedAccount", "screenName", "displayName*", "profileUrl*",
        "profileBio", "ipCaptureEvent*", "deviceId*", "schoolName", "priorCTReports*", "accountTemporarilyDisabled",
        "accountPermanentlyDisabled", "estimatedLocation", "allEmailsReported", "associatedAccount*", "additionalInfo");

    private static readonly ElementLayout AssociatedLayout = ElementLayout.SequenceWithAttributes(["type"],
        "platform", "firstName", "middleName", "lastName", "approximateAge", "dateOfBirth", "phone*", "email*", "allEmailsReported",
        "address*", "espService", "espIdentifier", "profileUrl*", "screenName", "displayName*", "profileBio", "groupIdentifier",
        "compromisedAccount", "accountTemporarilyDisabled", "accountPermanentlyDisabled", "ipCaptureEvent*", "deviceId*",
        "priorCTReport*", "additionalInfo");

    public static PersonOrUserReported Reported(SchemaReader r, XElement element)
    {
        var c = r.Children(element, ReportedLayout);
        return new PersonOrUserReported(
            OptionalPerson(r, c.One("personOrUserReportedPerson")),
            r.Text(c.One("vehicleDescription")),
            Account(r, c, "priorCTReports"),
            r.Boolean(c.One("thirdPartyUserReported")),
            [.. c.Many("associatedAccount").Select(e => Associated(r, e))],
            r.Text(c.One("additionalInfo")));
    }

    public static IntendedRecipient Recipient(SchemaReader r, XElement element)
    {
        var c = r.Children(element, RecipientLayout);
        return new IntendedRecipient(
            OptionalPerson(r, c.One("intendedRecipientPerson")),
            Account(r, c, "priorCTReports"),
            r.Texts(c.Many("additionalInfo")));
    }

    public static Victim Victim(SchemaReader r, XElement element)
    {
        var c = r.Children(element, VictimLayout);
        return new Victim(
            Person(r, c.Required("victimPerson")),
            Account(r, c, "priorCTReports"),
            r.Text(c.One("schoolName")),
            [.. c.Many("associatedAccount").Select(e => Associated(r, e))],
            r.Text(c.One("additionalInfo")));
    }

    private static AssociatedAccount Associated(SchemaReader r, XElement element)
    {
        var c = r.Children(element, AssociatedLayout);
        var type = element.Attribute("type") is null
            ? throw r.Error(element, "required attribute \"type\" is missing", $"{SchemaReader.PathOf(element)}/@type")
            : r.EnumeratedAttribute(element, "type", SchemaEnumerations.AssociatedAccountType)!;
        var platform = c.One("platform");
        return new AssociatedAccount(
            type,
            platform is null ? null : r.Text(platform, "thirdPartyUser"),
            platform is null ? null : r.BooleanAttribute(platform, "thirdPartyUser"),
            r.Text(c.One("firstName")),
            r.Text(c.One("middleName")),
            r.Text(c.One("lastName")),
            r.Int(c.One("approximateAge")),
            r.Date(c.One("dateOfBirth")),
            Phones(r, c.Many("phone")),
            Emails(r, c.Many("email")),
            Addresses(r, c.Many("address")),
            Account(r, c, "priorCTReport"),
            r.Text(c.One("additionalInfo")));
    }

    // The account fields are the same elements in every party; the prior-report name differs,
    // victims have no groupIdentifier and associated accounts no estimatedLocation.
    private static AccountDetails Account(SchemaReader r, ChildElements c, string priorReports) => new(
        r.Text(c.One("espIdentifier")),
        r.Text(c.One("espService")),
        r.Boolean(c.One("compromisedAccount")),
        r.Text(c.One("screenName")),
        r.Texts(c.Many("displayName")),
        r.Texts(c.Many("profileUrl")),
        r.Text(c.One("profileBio")),
        IpCaptureEvents(r, c.Many("ipCaptureEvent")),
        DeviceIds(r, c.Many("deviceId")),
        [.. c.Many(priorReports).Select(r.Long)],
        c.Defines("groupIdentifier") ? r.Text(c.One("groupIdentifier")) : null,
        AccountDisabled(r, c.One("accountTemporarilyDisabled"), temporarily: true),
        AccountDisabled(r, c.One("accountPermanentlyDisabled"), temporarily: false),
        c.Defines("estimatedLocation") ? EstimatedLocation(r, c.One("estimatedLocation")) : null,
        r.Boolean(c.One("allEmailsReported")));
}
