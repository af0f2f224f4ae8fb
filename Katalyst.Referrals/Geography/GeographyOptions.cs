using System.ComponentModel.DataAnnotations;

namespace Katalyst.Referrals.Geography;

/// <summary>Where the agency's own location data is (section <c>Geography</c>).</summary>
public sealed class GeographyOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Geography";

    /// <summary>The agency's country, ISO-3166 alpha-2: phone numbers without a country code are read as its.</summary>
    [Required, RegularExpression("^[A-Z]{2}$", ErrorMessage = "Geography:AgencyCountry is an upper-case ISO-3166 alpha-2 code, e.g. PK.")]
    public string AgencyCountry { get; set; } = "PK";

    /// <summary>An IP database in MaxMind's format (City type), when the agency has one.</summary>
    public string? IpDatabasePath { get; set; }

    /// <summary>A CSV of IP ranges (<c>start,end,country,province,district</c>), when the agency has one.</summary>
    public string? IpRangesPath { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IpDatabasePath is { Length: > 0 } database && !File.Exists(database))
        {
            yield return new ValidationResult($"Geography:IpDatabasePath '{database}' does not exist.", [nameof(IpDatabasePath)]);
        }

        if (IpRangesPath is { Length: > 0 } ranges && !File.Exists(ranges))
        {
            yield return new ValidationResult($"Geography:IpRangesPath '{ranges}' does not exist.", [nameof(IpRangesPath)]);
        }
    }

    /// <summary>The IP look-ups configured, database first; the caller disposes them.</summary>
    public IReadOnlyList<IIpLocations> OpenIpLocations()
    {
        var list = new List<IIpLocations>();
        if (IpDatabasePath is { Length: > 0 } database)
        {
            list.Add(new MaxMindIpLocations(database));
        }

        if (IpRangesPath is { Length: > 0 } ranges)
        {
            list.Add(IpRangeTable.Load(ranges));
        }

        return list;
    }
}
