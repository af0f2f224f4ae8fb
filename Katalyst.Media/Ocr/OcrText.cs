namespace Katalyst.Media.Ocr;

/// <summary>One word Tesseract read.</summary>
/// <param name="Text">The word.</param>
/// <param name="Confidence">Tesseract's confidence, 0 to 100.</param>
/// <param name="X">Left edge in the image read.</param>
/// <param name="Y">Top edge in the image read.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public sealed record OcrWord(string Text, double Confidence, int X, int Y, int Width, int Height);

/// <summary>What Tesseract read in one image.</summary>
/// <param name="Text">The words, a line of the image per line (empty when it read nothing).</param>
/// <param name="MeanConfidence">The mean of the words' confidences, 0 to 100 (0 when there are no words).</param>
/// <param name="Words">Each word with its confidence and box.</param>
public sealed record OcrText(string Text, double MeanConfidence, IReadOnlyList<OcrWord> Words);
