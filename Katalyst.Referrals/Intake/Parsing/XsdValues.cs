using System.Globalization;
using System.Text.RegularExpressions;

namespace Katalyst.Referrals.Intake.Parsing;

/// <summary>
/// Strict readers for the XSD built-in types the referral schema uses. Each follows the
/// type's lexical space (after whitespace collapse where the type collapses), nothing looser:
/// "2023-01-15 12:30:00" is not an xs:dateTime, "yes" is not an xs:boolean.
/// </summary>
internal static partial class XsdValues
{
    private static readonly char[] XmlWhitespace = [' ', '\t', '\n', '\r'];

    /// <summary>xs:token / collapse: trim, and runs of whitespace become one space.</summary>
    public static string Collapse(string value)
    {
        var trimmed = value.Trim(XmlWhitespace);
        if (trimmed.IndexOfAny(XmlWhitespace) < 0)
        {
            return trimmed;
        }

        return string.Join(' ', trimmed.Split(XmlWhitespace, StringSplitOptions.RemoveEmptyEntries));
    }

    public static bool TryBoolean(string value, out bool result)
    {
        switch (value.Trim(XmlWhitespace))
        {
            case "true" or "1":
                result = true;
                return true;
            case "false" or "0":
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }

    public static bool TryInt(string value, out int result)
    {
        var text = value.Trim(XmlWhitespace);
        result = 0;
        return IsInteger(text) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
    }

    public static bool TryLong(string value, out long result)
    {
        var text = value.Trim(XmlWhitespace);
        result = 0;
        return IsInteger(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
    }

    public static bool TryDouble(string value, out double result)
    {
        var text = value.Trim(XmlWhitespace);
        switch (text)
        {
            case "INF" or "+INF":
                result = double.PositiveInfinity;
                return true;
            case "-INF":
                result = double.NegativeInfinity;
                return true;
            case "NaN":
                result = double.NaN;
                return true;
        }

        result = 0;
        return DoublePattern().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }

    /// <summary>xs:dateTime. A value without a time zone is read as UTC.</summary>
    public static bool TryDateTime(string value, out DateTimeOffset result)
    {
        result = default;
        var match = DateTimePattern().Match(value.Trim(XmlWhitespace));
        if (!match.Success
            || !TryDate(match.Groups["y"].Value, match.Groups["mo"].Value, match.Groups["d"].Value, out var date)
            || !TryOffset(match.Groups["z"].Value, out var offset))
        {
            return false;
        }

        var hour = int.Parse(match.Groups["h"].ValueSpan, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["mi"].ValueSpan, CultureInfo.InvariantCulture);
        var second = int.Parse(match.Groups["s"].ValueSpan, CultureInfo.InvariantCulture);
        var fraction = match.Groups["f"].Value;
        var ticks = fraction.Length == 0 ? 0L : long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
        var endOfDay = hour == 24 && minute == 0 && second == 0 && ticks == 0 && fraction.TrimEnd('0').Length == 0;
        if ((hour > 23 && !endOfDay) || minute > 59 || second > 59)
        {
            return false;
        }

        var timeTicks = endOfDay
            ? TimeSpan.TicksPerDay
            : (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute) + (second * TimeSpan.TicksPerSecond) + ticks;
        var localTicks = date.ToDateTime(TimeOnly.MinValue).Ticks + timeTicks;
        var utcTicks = localTicks - offset.Ticks;
        if (localTicks > DateTime.MaxValue.Ticks || utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        var local = new DateTime(localTicks, DateTimeKind.Unspecified);
        result = new DateTimeOffset(local, offset);
        return true;
    }

    /// <summary>xs:date. A time zone, when given, is checked and dropped.</summary>
    public static bool TryDate(string value, out DateOnly result)
    {
        result = default;
        var match = DatePattern().Match(value.Trim(XmlWhitespace));
        return match.Success
            && TryOffset(match.Groups["z"].Value, out _)
            && TryDate(match.Groups["y"].Value, match.Groups["mo"].Value, match.Groups["d"].Value, out result);
    }

    private static bool IsInteger(string text)
    {
        var start = text.Length > 0 && text[0] is '+' or '-' ? 1 : 0;
        if (text.Length == start)
        {
            return false;
        }

        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryDate(string year, string month, string day, out DateOnly date)
    {
        date = default;
        // Years beyond DateOnly's range (0001-9999, no negative years) are legal XSD but not dates a report can mean.
        if (year.Length != 4 || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1)
        {
            return false;
        }

        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }

    private static bool TryOffset(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone.Length == 0 || zone == "Z")
        {
            return true;
        }

        var hours = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(zone.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (minutes > 59 || hours > 14 || (hours == 14 && minutes != 0))
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (zone[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }

    [GeneratedRegex(@"^(?<y>-?[0-9]{4,})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})T(?<h>[0-9]{2}):(?<mi>[0-9]{2}):(?<s>[0-9]{2})(?:\.(?<f>[0-9]+))?(?<z>Z|[+-][0-9]{2}:[0-9]{2})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^(?<y>-?[0-9]{4,})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})(?<z>Z|[+-][0-9]{2}:[0-9]{2})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DoublePattern();
}
