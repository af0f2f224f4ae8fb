using System.ComponentModel.DataAnnotations;

namespace Katalyst.Inference.HashSets;

/// <summary>The <c>HashSets</c> configuration section.</summary>
public sealed class HashSetsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "HashSets";

    /// <summary>
    /// The hash-set folder (<c>manifest.json</c> and one <c>.khs</c> file per set, written by <c>katalyst hashes import</c>);
    /// created empty when missing. Default: <c>data/hashsets</c> under the working directory.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = System.IO.Path.Combine("data", "hashsets");
}
