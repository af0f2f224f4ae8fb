namespace Katalyst.Referrals.Model;

/// <summary>The eight incident types of the NCMEC schema's <c>incidentType</c> enumeration.</summary>
public enum IncidentType
{
    /// <summary>"Child Pornography (possession, manufacture, and distribution)".</summary>
    ChildPornography,

    /// <summary>"Child Sex Trafficking".</summary>
    ChildSexTrafficking,

    /// <summary>"Child Sex Tourism".</summary>
    ChildSexTourism,

    /// <summary>"Child Sexual Molestation".</summary>
    ChildSexualMolestation,

    /// <summary>"Misleading Domain Name".</summary>
    MisleadingDomainName,

    /// <summary>"Misleading Words or Digital Images on the Internet".</summary>
    MisleadingWordsOrDigitalImages,

    /// <summary>"Online Enticement of Children for Sexual Acts".</summary>
    OnlineEnticement,

    /// <summary>"Unsolicited Obscene Material Sent to a Child".</summary>
    UnsolicitedObsceneMaterial,
}

/// <summary>Converts <see cref="IncidentType"/> to and from the exact strings of the schema.</summary>
public static class IncidentTypeSchema
{
    /// <summary>The exact schema string of <paramref name="type"/>, as it appears in report.xml.</summary>
    public static string ToSchemaValue(this IncidentType type) => type switch
    {
        IncidentType.ChildPornography => "Child Pornography (possession, manufacture, and distribution)",
        IncidentType.ChildSexTrafficking => "Child Sex Trafficking",
        IncidentType.ChildSexTourism => "Child Sex Tourism",
        IncidentType.ChildSexualMolestation => "Child Sexual Molestation",
        IncidentType.MisleadingDomainName => "Misleading Domain Name",
        IncidentType.MisleadingWordsOrDigitalImages => "Misleading Words or Digital Images on the Internet",
        IncidentType.OnlineEnticement => "Online Enticement of Children for Sexual Acts",
        IncidentType.UnsolicitedObsceneMaterial => "Unsolicited Obscene Material Sent to a Child",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an incident type of the schema"),
    };

    /// <summary>
    /// Reads a schema string. The match is exact (case and spacing), as the schema's
    /// enumeration is; anything else returns false.
    /// </summary>
    public static bool TryParse(string value, out IncidentType type)
    {
        foreach (var candidate in Enum.GetValues<IncidentType>())
        {
            if (string.Equals(candidate.ToSchemaValue(), value, StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }
}
