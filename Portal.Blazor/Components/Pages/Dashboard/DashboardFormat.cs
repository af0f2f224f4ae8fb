using System.Globalization;

namespace Katalyst.Portal.Components.Pages.Dashboard;

/// <summary>How the dashboard writes its figures.</summary>
public static class DashboardFormat
{
    /// <summary>
    /// A wait as people read it, to the minute: <c>45 min</c>, <c>3 h 5 min</c>, <c>2 d 4 h</c>; under a minute
    /// <c>under 1 min</c>; none <c>no reviews yet</c>.
    /// </summary>
    public static string Duration(TimeSpan? wait)
    {
        if (wait is not { } value)
        {
            return "no reviews yet";
        }

        var culture = CultureInfo.InvariantCulture;
        return value switch
        {
            { TotalMinutes: < 1 } => "under 1 min",
            { TotalHours: < 1 } => string.Create(culture, $"{value.Minutes} min"),
            { TotalDays: < 1 } => string.Create(culture, $"{value.Hours} h {value.Minutes} min"),
            _ => string.Create(culture, $"{(int)value.TotalDays} d {value.Hours} h"),
        };
    }
}
