using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Katalyst.Referrals.Intake.Parsing;

/// <summary>
/// Loads a referral XML document with hostile input in mind: no DTD (so no entities, no
/// billion laughs), no resolver (nothing outside the document is ever read), a size limit,
/// and every XML error turned into a <see cref="ReferralFormatException"/>.
/// </summary>
internal static partial class SafeXmlLoader
{
    /// <summary>Loads the document and checks its root element's name (no namespace).</summary>
    /// <returns>The root element (with line info) and how many lines of leading whitespace were skipped.</returns>
    public static (XElement Root, int LineOffset) Load(Stream xml, string fileName, long maxCharacters, string rootName)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCharacters);

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };

        var (input, lineOffset) = LeadingWhitespaceStream.Skip(xml);
        XElement root;
        using (var reader = XmlReader.Create(input, settings))
        {
            try
            {
                root = XElement.Load(reader, LoadOptions.SetLineInfo);
            }
            catch (XmlException exception)
            {
                throw Translate(exception, fileName, maxCharacters, lineOffset, input);
            }
        }

        if (root.Name.LocalName != rootName || root.Name.NamespaceName.Length != 0)
        {
            var actual = root.Name.NamespaceName.Length == 0 ? root.Name.LocalName : $"{root.Name.LocalName} xmlns=\"{root.Name.NamespaceName}\"";
            var info = (IXmlLineInfo)root;
            throw new ReferralFormatException(
                fileName,
                root.Name.LocalName,
                $"wrong root element <{actual}>, expected <{rootName}>",
                info.LineNumber + lineOffset,
                info.LinePosition);
        }

        return (root, lineOffset);
    }

    private static ReferralFormatException Translate(XmlException exception, string fileName, long maxCharacters, int lineOffset, LeadingWhitespaceStream input)
    {
        // XmlException messages never carry entity replacement text: no DTD is ever read.
        var message = LocationSuffix().Replace(exception.Message, string.Empty);
        string reason;
        if (message.Contains("DTD", StringComparison.Ordinal))
        {
            reason = "a DTD (<!DOCTYPE>) is not allowed: DTDs and entities are refused";
        }
        else if (message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"the document is larger than the limit of {maxCharacters:N0} characters");
        }
        else
        {
            reason = $"not well-formed XML: {message}";
        }

        int? line = exception.LineNumber > 0 ? exception.LineNumber + lineOffset : null;
        int? position = exception.LineNumber > 0 && exception.LinePosition > 0 ? exception.LinePosition : null;
        if (line is null && reason.StartsWith("a DTD", StringComparison.Ordinal))
        {
            // The prohibited-DTD error carries no position; the DOCTYPE sits in the first bytes.
            line = input.LineOf("<!DOCTYPE");
        }

        return new ReferralFormatException(fileName, null, reason, line, position, exception);
    }

    [GeneratedRegex(@"\s*Line \d+, position \d+\.\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocationSuffix();
}
