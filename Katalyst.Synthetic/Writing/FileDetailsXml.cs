using System.Xml;
using Katalyst.Synthetic.Media;
using Katalyst.Synthetic.Referrals;

namespace Katalyst.Synthetic.Writing;

/// <summary>Renders <c>files/&lt;fileId&gt;.xml</c>, in the element order of the NCMEC schema.</summary>
internal static class FileDetailsXml
{
    public static byte[] Render(long reportId, FilePlan f, FileContent content) => XmlOut.Write(xml =>
    {
        xml.WriteStartElement("fileDetails");
        xml.Element("reportId", reportId);
        xml.Element("fileId", f.FileId);
        xml.Element("fileName", $"{f.FileId}.{f.Extension}");
        xml.Element("originalFileName", f.OriginalFileName);
        xml.Element("uploadedToEspTimestamp", XmlOut.DateTime(f.UploadedAt));
        xml.Element("fileViewedByEsp", f.ViewedByEsp);
        xml.Element("exifViewedByEsp", f.ExifViewedByEsp);
        xml.Element("publiclyAvailable", f.PubliclyAvailable);
        xml.Element("fileRelevance", f.Relevance);
        if (f.LegacyMemeElement)
        {
            xml.Element("potentialMeme", true);
        }
        else if (f.Flags != FileFlags.None)
        {
            Annotations(xml, f.Flags);
        }

        xml.Element("industryClassification", f.Classification);
        if (content.Md5 is not null)
        {
            Hash(xml, "MD5", f.WrongMd5 ? FileContent.WrongMd5(content.Md5) : content.Md5);
        }

        if (content.Sha1 is not null && f.WithSha1)
        {
            Hash(xml, "SHA1", content.Sha1);
        }

        if (f.UploadIp is not null)
        {
            IpEventXml.Write(xml, f.UploadIp);
        }

        xml.WriteEndElement();
    });

    private static void Hash(XmlWriter xml, string type, string value)
    {
        xml.WriteStartElement("originalFileHash");
        xml.WriteAttributeString("hashType", type);
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    private static void Annotations(XmlWriter xml, FileFlags flags)
    {
        xml.WriteStartElement("fileAnnotations");
        (FileFlags Flag, string Name)[] order =
        [
            (FileFlags.PotentialMeme, "potentialMeme"), (FileFlags.Viral, "viral"),
            (FileFlags.PossibleSelfProduction, "possibleSelfProduction"), (FileFlags.PhysicalHarm, "physicalHarm"),
            (FileFlags.LiveStreaming, "liveStreaming"), (FileFlags.Infant, "infant"), (FileFlags.GenerativeAi, "generativeAi"),
        ];
        foreach (var (flag, name) in order)
        {
            if (flags.HasFlag(flag))
            {
                xml.WriteElementString(name, "true");
            }
        }

        xml.WriteEndElement();
    }
}
