using System.Buffers;
using System.Text;

namespace Katalyst.Scoring.Text;

/// <summary>
/// Puts free text into the one form the text model reads, whatever the keyboard or spelling: a pure function,
/// one pass over the characters after Unicode normalisation. The steps, in order:
/// <list type="number">
/// <item>Unicode NFKC: presentation forms and full-width letters become ordinary letters (ﻙ → ك, Ａ → A);
/// a lone surrogate becomes U+FFFD first.</item>
/// <item>Lower case, culture-invariant: "Tasveer" → "tasveer".</item>
/// <item>Arabic script folded to Urdu letters, marks and tatweel dropped, Arabic digits made ASCII
/// (see <see cref="UrduLetters.Fold"/>): "كيا" → "کیا", "٣" → "3".</item>
/// <item>Every run of white space (new lines included) becomes one space; leading and trailing space is dropped.</item>
/// <item>Each run of Latin letters a–z is folded by Roman-Urdu spelling (see <see cref="RomanUrduSpelling"/>):
/// "Tasweer" → "tasvir".</item>
/// <item>A future-tense "ga", "gi" or "ge" written apart joins the word before it when that ends in n:
/// "dun ga" → "dunga", "karun gi" → "karungi".</item>
/// </list>
/// Punctuation, emoji and other scripts are kept as they are.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Normalises <paramref name="text"/>; an empty or white-space text gives an empty string.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var composed = Compose(text);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, composed.Length));
        try
        {
            var length = Fold(composed, buffer);
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static string Compose(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Only invalid UTF-16 (a lone surrogate) makes Normalize throw: replace it and compose again.
            var repaired = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes())
            {
                repaired.Append(rune.ToString());
            }

            return repaired.ToString().Normalize(NormalizationForm.FormKC);
        }
    }

    private static int Fold(string source, Span<char> output)
    {
        var n = 0;
        var wordStart = -1;
        var pendingSpace = false;
        foreach (var raw in source)
        {
            var c = UrduLetters.Fold(char.ToLowerInvariant(raw));
            if (c == UrduLetters.Drop)
            {
                continue;
            }

            if (c is >= 'a' and <= 'z' && !pendingSpace)
            {
                wordStart = wordStart < 0 ? n : wordStart;
                output[n++] = c;
                continue;
            }

            n = EndWord(output, n, ref wordStart);
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = n > 0;
                continue;
            }

            if (pendingSpace)
            {
                output[n++] = ' ';
                pendingSpace = false;
            }

            if (c is >= 'a' and <= 'z')
            {
                wordStart = n;
            }

            output[n++] = c;
        }

        return EndWord(output, n, ref wordStart);
    }

    /// <summary>Folds the Latin word that ends at <paramref name="n"/>, if any; returns the new length.</summary>
    private static int EndWord(Span<char> output, int n, ref int wordStart)
    {
        if (wordStart < 0)
        {
            return n;
        }

        var start = wordStart;
        wordStart = -1;
        var length = RomanUrduSpelling.Fold(output[start..n]);
        var word = output.Slice(start, length);
        if (length == 2 && word[0] == 'g' && word[1] is 'a' or 'i' or 'e'
            && start >= 2 && output[start - 1] == ' ' && output[start - 2] == 'n')
        {
            output[start - 1] = word[0];
            output[start] = word[1];
            return start + 1;
        }

        return start + length;
    }
}
