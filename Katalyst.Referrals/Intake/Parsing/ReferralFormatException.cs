namespace Katalyst.Referrals.Intake;

/// <summary>
/// A referral document that cannot be imported: not well-formed, hostile (a DTD, too large)
/// or not valid against NCMEC's schema. The message names the file, line, element and reason,
/// e.g. <c>report.xml line 5, &lt;incidentDateTime&gt;: "2023-13-45" is not an xs:dateTime</c>.
/// </summary>
public sealed class ReferralFormatException : Exception
{
    /// <summary>Creates the exception; the message is composed from the parts.</summary>
    /// <param name="fileName">The document, as the package names it (e.g. <c>report.xml</c>).</param>
    /// <param name="element">The element path, e.g. <c>report/incidentSummary/incidentDateTime</c>; null when none applies.</param>
    /// <param name="reason">What is wrong, in words.</param>
    /// <param name="lineNumber">1-based line, when known.</param>
    /// <param name="linePosition">1-based column, when known.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public ReferralFormatException(
        string fileName,
        string? element,
        string reason,
        int? lineNumber = null,
        int? linePosition = null,
        Exception? innerException = null)
        : base(Compose(fileName, reason, element, lineNumber), innerException)
    {
        FileName = fileName;
        Reason = reason;
        Element = element;
        LineNumber = lineNumber;
        LinePosition = linePosition;
    }

    /// <summary>The document, as the package names it.</summary>
    public string FileName { get; }

    /// <summary>1-based line of the problem, when known.</summary>
    public int? LineNumber { get; }

    /// <summary>1-based column of the problem, when known.</summary>
    public int? LinePosition { get; }

    /// <summary>The element path, e.g. <c>report/incidentSummary/incidentDateTime</c>; an attribute ends in <c>/@name</c>.</summary>
    public string? Element { get; }

    /// <summary>What is wrong, without the file and location.</summary>
    public string Reason { get; }

    private static string Compose(string fileName, string reason, string? element, int? lineNumber)
    {
        var where = lineNumber is { } line ? $"{fileName} line {line}" : fileName;
        return element is null ? $"{where}: {reason}" : $"{where}, {Describe(element)}: {reason}";
    }

    // "report/victim/victimPerson/age" -> "<age>"; "report/x/email/@verified" -> "<email verified>".
    private static string Describe(string element)
    {
        var parts = element.Split('/');
        var last = parts[^1];
        if (last.StartsWith('@') && parts.Length > 1)
        {
            return $"<{parts[^2]} {last[1..]}>";
        }

        return $"<{last}>";
    }
}
