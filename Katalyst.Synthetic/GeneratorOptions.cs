namespace Katalyst.Synthetic;

/// <summary>What <see cref="ReferralGenerator"/> makes and where it writes it.</summary>
public sealed class GeneratorOptions
{
    /// <summary>How many referral packages to write. Must be at least 1.</summary>
    public int Count { get; init; }

    /// <summary>The seed: the same seed (and count) gives byte-identical output.</summary>
    public int Seed { get; init; }

    /// <summary>The batch folder; each package becomes <c>OutputDirectory/&lt;reportId&gt;/</c>.</summary>
    public string OutputDirectory { get; init; } = "";

    /// <summary>When true, image bytes are written beside their fileDetails (<c>files/&lt;fileId&gt;.png|jpg</c>).</summary>
    public bool Media { get; init; }
}
