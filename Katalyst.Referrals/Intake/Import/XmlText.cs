using System.Text;
using System.Text.RegularExpressions;

namespace Katalyst.Referrals.Intake.Import;

/// <summary>
/// Turns an XML document's bytes into text the way an XML reader would (BOM first, then the declaration), and
/// stored text back into bytes in the encoding its declaration names, so a reader sees the document as received.
/// </summary>
internal static partial class XmlText
{
    public static byte[] Encode(string xml)
    {
        var encoding = DeclaredEncoding(Encoding.UTF8.GetBytes(xml[..Math.Min(xml.Length, 200)]));
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(xml)];
    }

    public static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), DeclaredEncoding(bytes), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static Encoding DeclaredEncoding(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 200));
        var match = EncodingDeclaration().Match(head);
        if (!match.Success)
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(match.Groups[1].Value);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    [GeneratedRegex("""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")]
    private static partial Regex EncodingDeclaration();
}
