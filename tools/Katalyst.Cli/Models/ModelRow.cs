namespace Katalyst.Cli.Models;

/// <summary>One model as <c>katalyst models list</c> prints it, from the local folder or from a service's <c>GetModels</c>.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Kind">"scoring" (trained here) or "media" (converted from an npm package).</param>
/// <param name="Version">The training date, or the npm package's version.</param>
/// <param name="Source">The npm package and version, or how the project made it.</param>
/// <param name="Licence">Its licence.</param>
/// <param name="Sha256">The ONNX file's SHA-256; empty when there is no file.</param>
/// <param name="ExecutionProvider">Where it runs ("Cpu", "Cuda"); empty when nothing runs it.</param>
/// <param name="Purpose">What it is for.</param>
/// <param name="Caveats">What a person must know before relying on it.</param>
/// <param name="Problem">Why it is missing, altered or not running; empty when all is well.</param>
internal sealed record ModelRow(
    string Name,
    string Kind,
    string Version,
    string Source,
    string Licence,
    string Sha256,
    string ExecutionProvider,
    string Purpose,
    IReadOnlyList<string> Caveats,
    string Problem);

/// <summary>What <c>katalyst models list</c> found: where, the rows, and lines about the whole (missing manifests, media models off).</summary>
/// <param name="Origin">The folder or the service listed.</param>
/// <param name="ExecutionProvider">The service's execution provider for the scoring models; empty for a local folder.</param>
/// <param name="Notes">Lines about the whole listing, e.g. which manifest is missing and which command makes it.</param>
/// <param name="Models">One row per model.</param>
internal sealed record ModelListingResult(string Origin, string ExecutionProvider, IReadOnlyList<string> Notes, IReadOnlyList<ModelRow> Models);
