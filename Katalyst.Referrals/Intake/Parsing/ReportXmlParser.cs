using System.Xml.Linq;
using Katalyst.Referrals.Model;
using static Katalyst.Referrals.Intake.Parsing.CommonTypeReader;

namespace Katalyst.Referrals.Intake.Parsing;

/// <summary>
/// Reads a <c>report.xml</c> into an <see cref="EspReport"/>, enforcing NCMEC's schema
/// (without loading the XSD): root element, required elements, order, enumerations and
/// value formats. Elements the schema does not define are kept, never rejected.
/// </summary>
public static class ReportXmlParser
{
    /// <summary>The default size limit: 64 MiB of characters per XML document.</summary>
    public const long DefaultMaxCharacters = 64L * 1024 * 1024;

    private static readonly ElementLayout ReportLayout = ElementLayout.Sequence(
        "batchedReport", "incidentSummary", "internetDetails*", "lawEnforcement", "reporter",
        "personOrUserReported*", "intendedRecipient*", "victim*", "additionalInfo");

    private static readonly ElementLayout BatchedLayout = ElementLayout.SequenceWithAttributes(["reason"]);

    private static readonly ElementLayout SummaryLayout = ElementLayout.Sequence(
        "incidentType", "platform", "escalateToHighPriority", "reportAnnotations", "incidentDateTime", "incidentDateTimeDescription");

    private static readonly (string Name, ReportAnnotations Flag)[] Annotations =
    [
        ("sextortion", ReportAnnotations.Sextortion),
        ("csamSolicitation", ReportAnnotations.CsamSolicitation),
        ("minorToMinorInteraction", ReportAnnotations.MinorToMinorInteraction),
        ("spam", ReportAnnotations.Spam),
        ("sadisticOnlineExploitation", ReportAnnotations.SadisticOnlineExploitation),
    ];

    private static readonly ElementLayout AnnotationsLayout = ElementLayout.Unordered([.. Annotations.Select(a => a.Name)]);

    private static readonly ElementLayout LawEnforcementLayout = ElementLayout.Sequence(
        "agencyName", "caseNumber", "officerContact", "reportedToLe", "servedLegalProcessDomestic", "servedLegalProcessInternational");

    private static readonly ElementLayout ReporterLayout = ElementLayout.Sequence(
        "reportingPerson", "contactPerson", "companyTemplate", "termsOfService", "legalURL");

    /// <summary>Parses one report document.</summary>
    /// <param name="xml">The document's bytes; read to the end, not closed.</param>
    /// <param name="fileName">The name used in rejections, e.g. <c>190344211/report.xml</c>.</param>
    /// <param name="maxCharacters">Documents longer than this are rejected (see <see cref="DefaultMaxCharacters"/>).</param>
    /// <exception cref="Intake.ReferralFormatException">The document is not well-formed, hostile, or not valid against the schema.</exception>
    public static EspReport Parse(Stream xml, string fileName, long maxCharacters)
    {
        var (root, lineOffset) = SafeXmlLoader.Load(xml, fileName, maxCharacters, "report");
        var r = new SchemaReader(fileName, lineOffset);
        var c = r.Children(root, ReportLayout);
        var batched = c.One("batchedReport");
        return new EspReport(
            batched is null ? null : BatchedReport(r, batched),
            Summary(r, c.Required("incidentSummary")),
            [.. c.Many("internetDetails").Select(e => InternetDetailReader.Read(r, e))],
            LawEnforcement(r, c.One("lawEnforcement")),
            Reporter(r, c.Required("reporter")),
            [.. c.Many("personOrUserReported").Select(e => PartyReader.Reported(r, e))],
            [.. c.Many("intendedRecipient").Select(e => PartyReader.Recipient(r, e))],
            [.. c.Many("victim").Select(e => PartyReader.Victim(r, e))],
            r.Text(c.One("additionalInfo")),
            r.Unknown);
    }

    private static BatchedReport BatchedReport(SchemaReader r, XElement element)
    {
        _ = r.Children(element, BatchedLayout);
        return element.Attribute("reason") is null
            ? throw r.Error(element, "required attribute \"reason\" is missing", $"{SchemaReader.PathOf(element)}/@reason")
            : new BatchedReport(r.EnumeratedAttribute(element, "reason", SchemaEnumerations.BatchedReportReason)!);
    }

    private static IncidentSummary Summary(SchemaReader r, XElement element)
    {
        var c = r.Children(element, SummaryLayout);
        var typeElement = c.Required("incidentType");
        var typeText = r.Text(typeElement, []);
        if (!IncidentTypeSchema.TryParse(typeText, out var type))
        {
            throw r.Error(typeElement, $"{SchemaReader.Quote(typeText)} is not one of the schema's 8 incident types");
        }

        var (annotations, unknownAnnotations) = ReadAnnotations(r, c.One("reportAnnotations"));
        return new IncidentSummary(
            type,
            r.Text(c.One("platform")),
            r.Text(c.One("escalateToHighPriority")),
            annotations,
            unknownAnnotations,
            r.RequiredDateTime(c.Required("incidentDateTime")),
            r.Text(c.One("incidentDateTimeDescription")));
    }

    private static (ReportAnnotations Flags, IReadOnlyList<string> Unknown) ReadAnnotations(SchemaReader r, XElement? element)
    {
        if (element is null)
        {
            return (ReportAnnotations.None, []);
        }

        var c = r.Children(element, AnnotationsLayout);
        var flags = ReportAnnotations.None;
        foreach (var (name, flag) in Annotations)
        {
            if (c.One(name) is { } present)
            {
                FixedTrue.Check(r, present);
                flags |= flag;
            }
        }

        return (flags, FixedTrue.UnknownNames(element, AnnotationsLayout));
    }

    private static LawEnforcement? LawEnforcement(SchemaReader r, XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var c = r.Children(element, LawEnforcementLayout);
        var international = c.One("servedLegalProcessInternational");
        return new LawEnforcement(
            r.Text(c.Required("agencyName"), []),
            r.Text(c.One("caseNumber")),
            ContactPerson(r, c.One("officerContact")),
            r.Boolean(c.One("reportedToLe")),
            r.Boolean(c.One("servedLegalProcessDomestic")),
            international is null ? null : r.Boolean(international, "fleaCountry"),
            international is null ? null : r.EnumeratedAttribute(international, "fleaCountry", SchemaEnumerations.Country));
    }

    private static Reporter Reporter(SchemaReader r, XElement element)
    {
        var c = r.Children(element, ReporterLayout);
        return new Reporter(
            Person(r, c.Required("reportingPerson")),
            ContactPerson(r, c.One("contactPerson")),
            r.Text(c.One("companyTemplate")),
            r.Text(c.One("termsOfService")),
            r.Text(c.One("legalURL")));
    }
}
