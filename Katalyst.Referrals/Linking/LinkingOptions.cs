namespace Katalyst.Referrals.Linking;

/// <summary>
/// The <c>Linking</c> configuration section. An identifier carried by more than its kind's threshold of referrals
/// is too common to mean anything (a carrier NAT address, a viral file, a shared test address): it never links on
/// its own, and the referrals carrying it record it as ignored with its count. A threshold of 0 records the kind
/// but never links through it.
/// </summary>
public sealed class LinkingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Linking";

    /// <summary>
    /// The thresholds used for a kind <see cref="Thresholds"/> does not name, chosen against generated truth (see
    /// docs/architecture.md, "Linking"): an IP address never links on its own (dynamic and carrier NAT addresses are
    /// shared by strangers; it is kept as detail), nor does NCMEC's relatedReports (NCMEC relates reports through
    /// shared, meaningless identifiers too); the number of related reports still reaches scoring.
    /// </summary>
    public static IReadOnlyDictionary<string, int> DefaultThresholds { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [IdentifierKinds.Email] = 8,
        [IdentifierKinds.Phone] = 20,
        [IdentifierKinds.Ip] = 0,
        [IdentifierKinds.ScreenName] = 20,
        [IdentifierKinds.Handle] = 20,
        [IdentifierKinds.EspUserId] = 50,
        [IdentifierKinds.Imei] = 10,
        [IdentifierKinds.Iccid] = 10,
        [IdentifierKinds.Device] = 10,
        [IdentifierKinds.ProfileUrl] = 50,
        [IdentifierKinds.Sha256] = 3,
        [IdentifierKinds.Md5] = 3,
        [IdentifierKinds.CtReport] = 50,
        [IdentifierKinds.RelatedReport] = 0,
        [IdentifierKinds.Pdq] = 3,
    };

    /// <summary>Whether intake links referrals at all (<c>Linking:Enabled</c>). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Per-kind thresholds (<c>Linking:Thresholds:ip</c> = 5); kinds not named keep <see cref="DefaultThresholds"/>.</summary>
    public Dictionary<string, int> Thresholds { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The region national phone numbers are read in (<c>Linking:DefaultRegion</c>). Default PK.</summary>
    public string DefaultRegion { get; set; } = "PK";

    /// <summary>
    /// How far apart, in PDQ bits, two referrals' pictures may be and still count as one picture
    /// (<c>Linking:PdqRadius</c>, 0 to 64). Default 31, upstream's match threshold (the known-hash sets' default too):
    /// the generator's resized, re-encoded, cropped and colour-cast copies all fall within it. Only PDQs of quality 50
    /// or more take part. A larger radius finds more copies and joins more unrelated pictures.
    /// </summary>
    public int PdqRadius { get; set; } = 31;

    /// <summary>The threshold in force for <paramref name="kind"/>; 0 (never links) for a kind no one configured.</summary>
    public int ThresholdFor(string kind) =>
        Thresholds.TryGetValue(kind, out var configured) ? configured : DefaultThresholds.GetValueOrDefault(kind, 0);

    /// <summary>The largest threshold in force: a look-up never needs carriers of an identifier more common than this.</summary>
    public int MaxThreshold() => DefaultThresholds.Keys.Concat(Thresholds.Keys).Max(ThresholdFor);

    /// <summary>Every problem with these settings, each naming the key; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (kind, threshold) in Thresholds)
        {
            if (!DefaultThresholds.ContainsKey(kind))
            {
                problems.Add($"{Section}:Thresholds:{kind} names no identifier kind; known kinds: {string.Join(", ", DefaultThresholds.Keys)}.");
            }
            else if (threshold is < 0 or > 10_000)
            {
                problems.Add($"{Section}:Thresholds:{kind} is {threshold}; it must be between 0 (never link) and 10000.");
            }
        }

        if (PdqRadius is < 0 or > 64)
        {
            problems.Add($"{Section}:PdqRadius is {PdqRadius}; it must be between 0 (identical PDQs only) and 64.");
        }

        if (DefaultRegion is not { Length: 2 } || !DefaultRegion.All(char.IsAsciiLetterUpper))
        {
            problems.Add($"{Section}:DefaultRegion is '{DefaultRegion}'; it must be an ISO 3166 alpha-2 code in capitals, e.g. PK.");
        }

        return problems;
    }
}
