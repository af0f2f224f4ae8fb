using System.Globalization;
using System.Text;
using System.Xml;

namespace Katalyst.Synthetic.Writing;

/// <summary>Byte-stable XML output: UTF-8 without BOM, two-space indent, LF line ends, invariant formats.</summary>
internal static class XmlOut
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    public static byte[] Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument();
            body(xml);
            xml.WriteEndDocument();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    public static string DateTime(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    public static void Element(this XmlWriter xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.WriteElementString(name, value);
        }
    }

    public static void Element(this XmlWriter xml, string name, bool? value)
    {
        if (value is { } v)
        {
            xml.WriteElementString(name, Bool(v));
        }
    }

    public static void Element(this XmlWriter xml, string name, long? value)
    {
        if (value is { } v)
        {
            xml.WriteElementString(name, v.ToString(CultureInfo.InvariantCulture));
        }
    }

    public static void Attribute(this XmlWriter xml, string name, bool? value)
    {
        if (value is { } v)
        {
            xml.WriteAttributeString(name, Bool(v));
        }
    }
}
