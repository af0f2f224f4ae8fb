using System.Text.RegularExpressions;
using System.Xml.Linq;
using Katalyst.Referrals.Model;
using static Katalyst.Referrals.Intake.Parsing.SchemaEnumerations;

namespace Katalyst.Referrals.Intake.Parsing;

/// <summary>Reads the schema's shared complex types: person, phone, email, address, IP and device events.</summary>
internal static partial class CommonTypeReader
{
    private static readonly ElementLayout PersonLayout = ElementLayout.Sequence("firstName", "lastName", "phone*", "email*", "address*", "age", "dateOfBirth");
    private static readonly ElementLayout ContactPersonLayout = ElementLayout.Sequence("firstName", "lastName", "phone*", "email*", "address*");
    private static readonly ElementLayout AddressLayout = ElementLayout.SequenceWithAttributes(["type"], "address", "city", "zipCode", "state", "nonUsaState", "country");
    private static readonly ElementLayout IpCaptureEventLayout = ElementLayout.Sequence("ipAddress", "eventName", "dateTime", "possibleProxy", "port");
    private static readonly ElementLayout DeviceIdLayout = ElementLayout.Sequence("idType", "idValue", "eventName", "dateTime");
    private static readonly ElementLayout EstimatedLocationLayout = ElementLayout.SequenceWithAttributes(["verified", "timestamp"], "city", "region", "countryCode");
    private static readonly string[] EmailAttributes = ["type", "verified", "verificationDate"];
    private static readonly string[] PhoneAttributes = ["type", "verified", "verificationDate", "countryCallingCode", "extension"];
    private static readonly string[] DisabledAttributes = ["disabledDate", "userNotified", "userNotifiedDate", "reenabledDate"];

    public static Person Person(SchemaReader r, XElement element)
    {
        var c = r.Children(element, PersonLayout);
        return new Person(
            r.Text(c.One("firstName")),
            r.Text(c.One("lastName")),
            Phones(r, c.Many("phone")),
            Emails(r, c.Many("email")),
            Addresses(r, c.Many("address")),
            r.Int(c.One("age")),
            r.Date(c.One("dateOfBirth")));
    }

    public static Person? OptionalPerson(SchemaReader r, XElement? element) => element is null ? null : Person(r, element);

    /// <summary>The schema's contactPerson: a person without age and date of birth.</summary>
    public static Person? ContactPerson(SchemaReader r, XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var c = r.Children(element, ContactPersonLayout);
        return new Person(
            r.Text(c.One("firstName")),
            r.Text(c.One("lastName")),
            Phones(r, c.Many("phone")),
            Emails(r, c.Many("email")),
            Addresses(r, c.Many("address")),
            null,
            null);
    }

    public static PhoneNumber Phone(SchemaReader r, XElement element)
    {
        var value = r.Text(element, PhoneAttributes);
        return new PhoneNumber(
            value,
            r.EnumeratedAttribute(element, "type", PhoneType),
            r.BooleanAttribute(element, "verified"),
            r.DateTimeAttribute(element, "verificationDate"),
            Pattern(r, element, "countryCallingCode", CountryCallingCodePattern(), "phoneCountryCallingCode (+ and 1-3 digits)"),
            Pattern(r, element, "extension", ExtensionPattern(), "phoneExtension (digits)"));
    }

    public static IReadOnlyList<PhoneNumber> Phones(SchemaReader r, IReadOnlyList<XElement> elements) =>
        [.. elements.Select(e => Phone(r, e))];

    public static IReadOnlyList<EmailAddress> Emails(SchemaReader r, IReadOnlyList<XElement> elements) =>
        [.. elements.Select(e => new EmailAddress(
            r.Text(e, EmailAttributes),
            r.EnumeratedAttribute(e, "type", EmailType),
            r.BooleanAttribute(e, "verified"),
            r.DateTimeAttribute(e, "verificationDate")))];

    public static IReadOnlyList<Address> Addresses(SchemaReader r, IReadOnlyList<XElement> elements) =>
        [.. elements.Select(e => Address(r, e))];

    public static IReadOnlyList<IpCaptureEvent> IpCaptureEvents(SchemaReader r, IReadOnlyList<XElement> elements) =>
        [.. elements.Select(e => IpCaptureEvent(r, e))];

    public static IpCaptureEvent IpCaptureEvent(SchemaReader r, XElement element)
    {
        var c = r.Children(element, IpCaptureEventLayout);
        return new IpCaptureEvent(
            r.Text(c.Required("ipAddress"), []),
            r.Enumerated(c.One("eventName"), IpCaptureType),
            r.DateTime(c.One("dateTime")),
            r.Boolean(c.One("possibleProxy")),
            r.Int(c.One("port")));
    }

    public static IReadOnlyList<DeviceId> DeviceIds(SchemaReader r, IReadOnlyList<XElement> elements) =>
        [.. elements.Select(e =>
        {
            var c = r.Children(e, DeviceIdLayout);
            return new DeviceId(
                r.Text(c.Required("idType"), []),
                r.Text(c.Required("idValue"), []),
                r.Enumerated(c.One("eventName"), IpCaptureType),
                r.DateTime(c.One("dateTime")));
        })];

    public static EstimatedLocation? EstimatedLocation(SchemaReader r, XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var c = r.Children(element, EstimatedLocationLayout);
        return new EstimatedLocation(
            r.Text(c.One("city")),
            r.Text(c.One("region")),
            r.Enumerated(c.One("countryCode"), Country),
            r.BooleanAttribute(element, "verified"),
            r.DateTimeAttribute(element, "timestamp"));
    }

    /// <summary>accountTemporarilyDisabled / accountPermanentlyDisabled (the latter has no reenabledDate).</summary>
    public static AccountDisabled? AccountDisabled(SchemaReader r, XElement? element, bool temporarily)
    {
        if (element is null)
        {
            return null;
        }

        var known = temporarily ? DisabledAttributes : DisabledAttributes[..^1];
        return new AccountDisabled(
            r.Boolean(element, known),
            r.DateTimeAttribute(element, "disabledDate"),
            r.BooleanAttribute(element, "userNotified"),
            r.DateTimeAttribute(element, "userNotifiedDate"),
            temporarily ? r.DateTimeAttribute(element, "reenabledDate") : null);
    }

    private static Address Address(SchemaReader r, XElement element)
    {
        var c = r.Children(element, AddressLayout);
        return new Address(
            r.Text(c.One("address")),
            r.Text(c.One("city")),
            r.Text(c.One("zipCode")),
            r.Enumerated(c.One("state"), State),
            r.Text(c.One("nonUsaState")),
            r.Enumerated(c.One("country"), Country),
            r.EnumeratedAttribute(element, "type", AddressType));
    }

    private static string? Pattern(SchemaReader r, XElement element, string name, Regex pattern, string typeName) =>
        element.Attribute(name) is not { } attribute ? null
        : pattern.IsMatch(attribute.Value) ? attribute.Value : throw r.Invalid(attribute, typeName);

    [GeneratedRegex(@"^\+[0-9]{1,3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CountryCallingCodePattern();

    [GeneratedRegex(@"^[0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex ExtensionPattern();
}
