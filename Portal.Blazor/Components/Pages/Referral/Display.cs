using System.Globalization;

namespace Katalyst.Portal.Components.Pages.Referral;

/// <summary>How the referral page writes values: one place, so every section reads the same.</summary>
internal static class Display
{
    /// <summary>Shown where the report left an optional field out.</summary>
    public const string NotGiven = "—";

    /// <summary>Shown where the ESP did not say yes or no.</summary>
    public const string NotStated = "not stated";

    /// <summary>A time in UTC, e.g. <c>2025-01-31 08:15:00 UTC</c>; <see cref="NotGiven"/> when null.</summary>
    public static string Time(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : NotGiven;

    /// <summary>A date, e.g. <c>2010-04-02</c>.</summary>
    public static string Date(DateOnly? value) =>
        value is { } v ? v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : NotGiven;

    /// <summary><c>yes</c>, <c>no</c> or <see cref="NotStated"/>.</summary>
    public static string YesNo(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        null => NotStated,
    };

    /// <summary>A number in the invariant culture; <see cref="NotGiven"/> when null.</summary>
    public static string Number(long? value) =>
        value is { } v ? v.ToString(CultureInfo.InvariantCulture) : NotGiven;

    /// <summary>A size, e.g. <c>12,345 bytes (12.1 KiB)</c>; <see cref="NotGiven"/> when null.</summary>
    public static string Bytes(long? value) => value switch
    {
        null => NotGiven,
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{value:N0} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{value:N0} bytes ({value / 1024.0:0.0} KiB)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value:N0} bytes ({value / (1024.0 * 1024):0.0} MiB)"),
    };

    /// <summary>A probability as a percentage, e.g. <c>93%</c>.</summary>
    public static string Percent(double value) => value.ToString("0%", CultureInfo.InvariantCulture);

    /// <summary>A score or contribution with two decimals and its sign, e.g. <c>+4.20</c>.</summary>
    public static string Signed(double value) => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    /// <summary>A value, or <see cref="NotGiven"/> when empty.</summary>
    public static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? NotGiven : value;
}
