namespace Katalyst.Media.Pdq;

/// <summary>A PDQ hash and its quality (0 to 100; upstream advises discarding hashes of quality 49 or less).</summary>
public readonly record struct PdqResult(PdqHash Hash, int Quality)
{
    /// <summary>Upstream's advice: a hash of quality at or below this says too little about the image to match on.</summary>
    public const int UnusableQuality = 49;

    /// <summary>False when the quality is too low for the hash to be matched on (49 or less).</summary>
    public bool IsUsable => Quality > UnusableQuality;
}

/// <summary>The eight dihedral hashes of one image (indexed by <see cref="PdqDihedral"/>) and the quality they share.</summary>
public sealed record PdqDihedralResult(IReadOnlyList<PdqHash> Hashes, int Quality)
{
    /// <summary>The hash of one rotation or flip.</summary>
    public PdqHash this[PdqDihedral variant] => Hashes[(int)variant];
}
