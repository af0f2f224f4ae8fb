using Katalyst.Synthetic.Sampling;

namespace Katalyst.Synthetic.Network;

/// <summary>
/// Synthetic address plan: Pakistani ISP blocks by province (weighted as the spec's estimatedLocation),
/// a handful of carrier NAT gateways shared by many unrelated users (so linking must not merge people
/// through them), and foreign blocks. The blocks are plausible, not an authoritative allocation.
/// </summary>
internal static class AddressBook
{
    public static readonly (string Province, double Weight)[] Provinces =
    [
        ("Punjab", 53), ("Sindh", 23), ("Khyber Pakhtunkhwa", 17), ("Balochistan", 6), ("Islamabad", 1),
    ];

    private static readonly IspBlock[] Pakistan =
    [
        new("182.186", "PK", "Punjab", "Lahore", "PTCL", 31.5204, 74.3587),
        new("119.155", "PK", "Punjab", "Faisalabad", "PTCL", 31.4504, 73.1350),
        new("39.37", "PK", "Punjab", "Rawalpindi", "Jazz", 33.5651, 73.0169),
        new("111.119", "PK", "Punjab", "Multan", "Zong", 30.1575, 71.5249),
        new("58.65", "PK", "Punjab", "Gujranwala", "StormFiber", 32.1877, 74.1945),
        new("182.185", "PK", "Sindh", "Karachi", "PTCL", 24.8607, 67.0011),
        new("39.48", "PK", "Sindh", "Karachi", "Jazz", 24.8607, 67.0011),
        new("119.160", "PK", "Sindh", "Hyderabad", "Telenor", 25.3960, 68.3578),
        new("182.191", "PK", "Khyber Pakhtunkhwa", "Peshawar", "PTCL", 34.0151, 71.5249),
        new("39.41", "PK", "Khyber Pakhtunkhwa", "Mardan", "Jazz", 34.1986, 72.0404),
        new("175.107", "PK", "Balochistan", "Quetta", "PTCL", 30.1798, 66.9750),
        new("203.99", "PK", "Islamabad", "Islamabad", "Nayatel", 33.6844, 73.0479),
    ];

    /// <summary>Carrier-grade NAT gateways: one public address, thousands of subscribers behind it.</summary>
    public static readonly IpPlace[] CarrierNat =
    [
        new("39.32.0.1", "PK", "Islamabad", "Islamabad", "Jazz", 33.6844, 73.0479),
        new("39.32.0.2", "PK", "Punjab", "Lahore", "Jazz", 31.5204, 74.3587),
        new("111.119.160.1", "PK", "Sindh", "Karachi", "Zong", 24.8607, 67.0011),
        new("119.160.96.1", "PK", "Punjab", "Lahore", "Telenor", 31.5204, 74.3587),
        new("115.186.0.1", "PK", "Khyber Pakhtunkhwa", "Peshawar", "Ufone", 34.0151, 71.5249),
    ];

    private static readonly IspBlock[] Foreign =
    [
        new("94.200", "AE", "Dubai", "Dubai", "Etisalat", 25.2048, 55.2708),
        new("188.50", "SA", "Riyadh Region", "Riyadh", "STC", 24.7136, 46.6753),
        new("81.2", "GB", "England", "Birmingham", "BT", 52.4862, -1.8904),
        new("73.15", "US", "Texas", "Houston", "Comcast", 29.7604, -95.3698),
        new("103.4", "AF", "Kabul", "Kabul", "AfghanTelecom", 34.5553, 69.2075),
        new("185.220", "DE", "Hesse", "Frankfurt", "Hosting (VPN)", 50.1109, 8.6821),
    ];

    /// <summary>Countries other than Pakistan that a few referrals are routed to.</summary>
    public static readonly string[] OtherCountries = ["AE", "SA", "GB", "US", "AF"];

    public static IspBlock HomeBlock(Random rng, string province)
    {
        var inProvince = Pakistan.Where(b => b.Region == province).ToArray();
        return rng.Pick(inProvince);
    }

    public static IpPlace RandomIn(Random rng, IspBlock block) => block.At(rng.Next(0, 256), rng.Next(1, 255));

    public static IpPlace RandomPakistani(Random rng) => RandomIn(rng, rng.Pick(Pakistan));

    public static IpPlace RandomForeign(Random rng, string? country = null)
    {
        var blocks = country is null ? Foreign : Foreign.Where(b => b.Country == country).ToArray();
        return RandomIn(rng, blocks.Length > 0 ? rng.Pick(blocks) : rng.Pick(Foreign));
    }

    public static string CityIn(Random rng, string province) => province switch
    {
        "Punjab" => rng.Pick(["Lahore", "Faisalabad", "Rawalpindi", "Multan", "Gujranwala", "Sialkot", "Sargodha"]),
        "Sindh" => rng.Pick(["Karachi", "Hyderabad", "Sukkur", "Larkana"]),
        "Khyber Pakhtunkhwa" => rng.Pick(["Peshawar", "Mardan", "Abbottabad", "Swat"]),
        "Balochistan" => rng.Pick(["Quetta", "Turbat", "Gwadar"]),
        _ => "Islamabad",
    };
}
