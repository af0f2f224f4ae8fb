using Katalyst.Synthetic.Sampling;

namespace Katalyst.Synthetic.Subjects;

/// <summary>
/// The many ways one identifier is written: e-mail case, Gmail dots and +tags, Pakistani phone numbers
/// as +92…, 0092…, 03… with spaces or dashes. Linking must see through these.
/// </summary>
internal static class IdentifierForms
{
    public static string Email(Random rng, string canonical)
    {
        var at = canonical.IndexOf('@', StringComparison.Ordinal);
        var local = canonical[..at];
        var domain = canonical[(at + 1)..];
        var gmail = domain == "gmail.com";
        var roll = rng.NextDouble();
        if (gmail && roll < 0.15)
        {
            local = local.Contains('.', StringComparison.Ordinal)
                ? local.Replace(".", "", StringComparison.Ordinal)
                : local.Insert(Math.Max(1, local.Length / 2), ".");
        }
        else if (gmail && roll < 0.25)
        {
            local = $"{local}+{rng.Pick(["fb", "insta", "new", "pk", "1"])}";
        }
        else if (gmail && roll < 0.28)
        {
            domain = "googlemail.com";
        }

        var address = $"{local}@{domain}";
        return rng.Next(10) switch
        {
            0 => address.ToUpperInvariant(),
            1 or 2 => char.ToUpperInvariant(address[0]) + address[1..],
            _ => address,
        };
    }

    /// <summary>Formats a national number such as <c>3001234567</c>.</summary>
    public static string Phone(Random rng, string national)
    {
        var op = national[..3];
        var rest = national[3..];
        return rng.Next(9) switch
        {
            0 => $"+92 {op} {rest}",
            1 => $"+92{national}",
            2 => $"0092{national}",
            3 => $"0092 {op} {rest[..3]} {rest[3..]}",
            4 => $"0{national}",
            5 => $"0{op}-{rest}",
            6 => $"0{op} {rest}",
            7 => $"+92-{op}-{rest}",
            _ => $"(0{op}) {rest[..3]}-{rest[3..]}",
        };
    }
}
