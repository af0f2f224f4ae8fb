using System.Globalization;

namespace Katalyst.Media.Ocr;

/// <summary>
/// Reads Tesseract's <c>tsv</c> output (a header, then one row per page, block, paragraph, line and word:
/// level, page_num, block_num, par_num, line_num, word_num, left, top, width, height, conf, text) into words and lines.
/// </summary>
internal static class TesseractTsv
{
    private const int Columns = 12;
    private const int WordLevel = 5;

    /// <exception cref="InvalidDataException">A row is malformed; the message names its line.</exception>
    public static OcrText Parse(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var lines = tsv.Split('\n');
        if (lines.Length == 0 || !lines[0].StartsWith("level\t", StringComparison.Ordinal))
        {
            throw new InvalidDataException("tesseract's tsv output does not start with its 'level' header line.");
        }

        var words = new List<(OcrWord Word, (int, int, int, int) Line)>();
        for (var n = 1; n < lines.Length; n++)
        {
            var line = lines[n].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < Columns - 1)
            {
                throw new InvalidDataException($"tesseract's tsv output line {n + 1} has {fields.Length} fields, not {Columns}.");
            }

            var number = new int[10];
            for (var i = 0; i < 10; i++)
            {
                if (!int.TryParse(fields[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out number[i]))
                {
                    throw new InvalidDataException($"tesseract's tsv output line {n + 1} field {i + 1} '{fields[i]}' is not a whole number.");
                }
            }

            if (!double.TryParse(fields[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence))
            {
                throw new InvalidDataException($"tesseract's tsv output line {n + 1} conf '{fields[10]}' is not a number.");
            }

            var text = fields.Length > 11 ? fields[11].Trim() : "";
            if (number[0] != WordLevel || confidence < 0 || text.Length == 0)
            {
                continue;
            }

            var word = new OcrWord(text, confidence, number[6], number[7], number[8], number[9]);
            words.Add((word, (number[1], number[2], number[3], number[4])));
        }

        var joined = string.Join('\n', words.GroupBy(w => w.Line).Select(g => string.Join(' ', g.Select(w => w.Word.Text))));
        var mean = words.Count == 0 ? 0 : words.Average(w => w.Word.Confidence);
        return new OcrText(joined, mean, words.Select(w => w.Word).ToArray());
    }
}
