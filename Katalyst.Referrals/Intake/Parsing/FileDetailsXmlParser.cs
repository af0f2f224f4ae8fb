using System.Xml.Linq;
using Katalyst.Referrals.Model;
using static Katalyst.Referrals.Intake.Parsing.CommonTypeReader;

namespace Katalyst.Referrals.Intake.Parsing;

/// <summary>
/// Reads a <c>fileDetails</c> document (<c>files/&lt;fileId&gt;.xml</c>) into
/// <see cref="FileDetails"/>, enforcing NCMEC's schema without loading the XSD.
/// </summary>
public static class FileDetailsXmlParser
{
    private static readonly ElementLayout Layout = ElementLayout.Sequence(
        "reportId", "fileId", "fileName", "originalFileName", "uploadedToEspTimestamp", "locationOfFile",
        "fileViewedByEsp", "exifViewedByEsp", "publiclyAvailable", "fileRelevance", "potentialMeme", "fileAnnotations",
        "industryClassification", "originalFileHash*", "ipCaptureEvent", "deviceId*", "details*", "additionalInfo*");

    private static readonly (string Name, FileAnnotations Flag)[] Annotations =
    [
        ("animeDrawingVirtualHentai", FileAnnotations.AnimeDrawingVirtualHentai),
        ("potentialMeme", FileAnnotations.PotentialMeme),
        ("viral", FileAnnotations.Viral),
        ("possibleSelfProduction", FileAnnotations.PossibleSelfProduction),
        ("physicalHarm", FileAnnotations.PhysicalHarm),
        ("violenceGore", FileAnnotations.ViolenceGore),
        ("bestiality", FileAnnotations.Bestiality),
        ("liveStreaming", FileAnnotations.LiveStreaming),
        ("infant", FileAnnotations.Infant),
        ("generativeAi", FileAnnotations.GenerativeAi),
    ];

    private static readonly ElementLayout AnnotationsLayout = ElementLayout.Unordered([.. Annotations.Select(a => a.Name)]);
    private static readonly ElementLayout DetailsLayout = ElementLayout.SequenceWithAttributes(["type"], "nameValuePair*");
    private static readonly ElementLayout PairLayout = ElementLayout.Sequence("name", "value");

    /// <summary>Parses one fileDetails document.</summary>
    /// <param name="xml">The document's bytes; read to the end, not closed.</param>
    /// <param name="fileName">The name used in rejections, e.g. <c>190344211/files/abc.xml</c>.</param>
    /// <param name="maxCharacters">Documents longer than this are rejected (see <see cref="ReportXmlParser.DefaultMaxCharacters"/>).</param>
    /// <exception cref="Intake.ReferralFormatException">The document is not well-formed, hostile, or not valid against the schema.</exception>
    public static FileDetails Parse(Stream xml, string fileName, long maxCharacters)
    {
        var (root, lineOffset) = SafeXmlLoader.Load(xml, fileName, maxCharacters, "fileDetails");
        var r = new SchemaReader(fileName, lineOffset);
        var c = r.Children(root, Layout);
        var reportId = r.Long(c.Required("reportId"));
        var fileIdElement = c.Required("fileId");
        var fileId = XsdValues.Collapse(r.Text(fileIdElement, []));
        if (fileId.Length == 0)
        {
            // xs:token allows "", but an empty fileId cannot name the file it describes.
            throw r.Error(fileIdElement, "is empty; a fileId must name the file");
        }

        var potentialMeme = c.One("potentialMeme");
        var annotations = c.One("fileAnnotations");
        if (potentialMeme is not null && annotations is not null)
        {
            throw r.Error(annotations, "the schema allows <potentialMeme> or <fileAnnotations>, not both");
        }

        var (flags, unknownAnnotations) = ReadAnnotations(r, annotations);
        var relevance = r.Text(c.One("fileRelevance"));
        var classification = r.Text(c.One("industryClassification"));
        return new FileDetails(
            reportId,
            fileId,
            r.Text(c.One("fileName")),
            r.Text(c.One("originalFileName")),
            r.DateTime(c.One("uploadedToEspTimestamp")),
            r.Text(c.One("locationOfFile")),
            r.Boolean(c.One("fileViewedByEsp")),
            r.Boolean(c.One("exifViewedByEsp")),
            r.Boolean(c.One("publiclyAvailable")),
            relevance switch
            {
                null or "Reported" => FileRelevance.Reported,
                "Supplemental Reported" => FileRelevance.SupplementalReported,
                _ => throw r.Error(c.One("fileRelevance")!, $"{SchemaReader.Quote(relevance)} is not one of the schema's fileRelevance values (\"Reported\", \"Supplemental Reported\")"),
            },
            r.Boolean(potentialMeme),
            flags,
            unknownAnnotations,
            classification switch
            {
                null => null,
                "A1" => IndustryClassification.A1,
                "A2" => IndustryClassification.A2,
                "B1" => IndustryClassification.B1,
                "B2" => IndustryClassification.B2,
                _ => throw r.Error(c.One("industryClassification")!, $"{SchemaReader.Quote(classification)} is not one of the schema's fileClassification values (\"A1\", \"A2\", \"B1\", \"B2\")"),
            },
            [.. c.Many("originalFileHash").Select(e => Hash(r, e))],
            c.One("ipCaptureEvent") is { } ip ? IpCaptureEvent(r, ip) : null,
            DeviceIds(r, c.Many("deviceId")),
            [.. c.Many("details").Select(e => Details(r, e))],
            r.Texts(c.Many("additionalInfo")),
            r.Unknown);
    }

    private static (FileAnnotations Flags, IReadOnlyList<string> Unknown) ReadAnnotations(SchemaReader r, XElement? element)
    {
        if (element is null)
        {
            return (FileAnnotations.None, []);
        }

        var c = r.Children(element, AnnotationsLayout);
        var flags = FileAnnotations.None;
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

    private static FileHash Hash(SchemaReader r, XElement element)
    {
        var value = r.Text(element, "hashType");
        return element.Attribute("hashType") is { } type
            ? new FileHash(type.Value, value)
            : throw r.Error(element, "required attribute \"hashType\" is missing", $"{SchemaReader.PathOf(element)}/@hashType");
    }

    private static FileMetadata Details(SchemaReader r, XElement element)
    {
        var c = r.Children(element, DetailsLayout);
        var pairs = c.Many("nameValuePair");
        if (pairs.Count == 0)
        {
            throw r.Missing(element, "nameValuePair");
        }

        return new FileMetadata(
            r.EnumeratedAttribute(element, "type", SchemaEnumerations.MetadataTypes),
            [.. pairs.Select(p =>
            {
                var pc = r.Children(p, PairLayout);
                return new MetadataPair(r.Text(pc.Required("name"), []), r.Text(pc.Required("value"), []));
            })]);
    }
}
