namespace Katalyst.Referrals.Intake.Parsing;

/// <summary>
/// What the schema allows inside one complex element: its child element names (in sequence
/// order), which of them may repeat, and its attributes. A name ending in <c>*</c> repeats.
/// </summary>
internal sealed class ElementLayout
{
    private ElementLayout(bool ordered, string[] entries, string[] attributes)
    {
        Ordered = ordered;
        Names = new string[entries.Length];
        Repeatable = new bool[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            Repeatable[i] = entries[i].EndsWith('*');
            Names[i] = Repeatable[i] ? entries[i][..^1] : entries[i];
        }

        Attributes = attributes;
    }

    /// <summary>True for an xs:sequence (order enforced); false for xs:all or xs:choice.</summary>
    public bool Ordered { get; }

    public string[] Names { get; }

    public bool[] Repeatable { get; }

    public string[] Attributes { get; }

    /// <summary>An xs:sequence.</summary>
    public static ElementLayout Sequence(params string[] entries) => new(true, entries, []);

    /// <summary>An xs:sequence on an element that also has <paramref name="attributes"/>.</summary>
    public static ElementLayout SequenceWithAttributes(string[] attributes, params string[] entries) => new(true, entries, attributes);

    /// <summary>An xs:all or xs:choice: any order, each at most once unless marked.</summary>
    public static ElementLayout Unordered(params string[] entries) => new(false, entries, []);

    public int IndexOf(string name)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
