using System.Text.Encodings.Web;
using System.Text.Json;

namespace Katalyst.Cli.Models;

/// <summary>Prints a <see cref="ModelListingResult"/>: a table, one row per model, then each model's purpose, problem and caveats; or JSON.</summary>
internal static class ModelTable
{
    private static readonly string[] Headers = ["MODEL", "VERSION", "SOURCE", "LICENCE", "SHA-256", "PROVIDER"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Caveats hold quotes and dashes; the output is read by scripts and people, not embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the listing as indented JSON.</summary>
    public static void WriteJson(TextWriter output, ModelListingResult listing) => output.WriteLine(JsonSerializer.Serialize(listing, Json));

    /// <summary>Writes the listing for people.</summary>
    public static void WriteText(TextWriter output, ModelListingResult listing)
    {
        output.WriteLine(listing.ExecutionProvider.Length > 0
            ? $"Models of the scoring service at {listing.Origin} (scoring models run on {listing.ExecutionProvider})"
            : $"Models in {listing.Origin} (local files: nothing runs them here; the service runs them on CUDA when its ONNX Runtime build has it, else on the CPU)");
        foreach (var note in listing.Notes)
        {
            output.WriteLine($"! {note}");
        }

        output.WriteLine();
        var cells = listing.Models.Select(m => new[] { m.Name, m.Version, m.Source, m.Licence, Dash(m.Sha256), Dash(m.ExecutionProvider) }).ToList();
        var widths = Headers.Select((h, i) => cells.Select(c => c[i].Length).Append(h.Length).Max()).ToArray();
        output.WriteLine(Line(Headers, widths));
        cells.ForEach(c => output.WriteLine(Line(c, widths)));
        foreach (var model in listing.Models)
        {
            output.WriteLine();
            output.WriteLine(model.Purpose.Length > 0 ? $"{model.Name} ({model.Kind}): {model.Purpose}" : $"{model.Name} ({model.Kind})");
            if (model.Problem.Length > 0)
            {
                output.WriteLine($"  ! {model.Problem}");
            }

            foreach (var caveat in model.Caveats)
            {
                output.WriteLine($"  - {caveat}");
            }
        }
    }

    private static string Dash(string value) => value.Length > 0 ? value : "-";

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
