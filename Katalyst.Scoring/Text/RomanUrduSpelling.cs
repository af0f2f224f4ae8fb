namespace Katalyst.Scoring.Text;

/// <summary>
/// Folds one lower-case word of Latin letters (a–z) to a spelling key, so the free spellings of Roman Urdu meet:
/// "tasveer", "tasvir" and "tasweer" all become "tasvir". English words are folded by the same rules ("meet" →
/// "mit"); that is harmless because training and scoring see the same keys. Each rule, with an example:
/// <list type="number">
/// <item>w → v and q → k: "tasweer" → "tasveer", "nuqsan" → "nuksan".</item>
/// <item>A run of one letter collapses to one letter: "achha" → "acha", "haal" → "hal", "baaki" → "baki";
/// but a run of e becomes i and a run of o becomes u: "tasveer" → "tasvir", "jeena" → "jina", "poochta" → "puchta".</item>
/// <item>A doubled "ch" is one: "bachchon" → "bachon".</item>
/// <item>zh → z: "zhalim" → "zalim". Other aspirates (kh, gh, bh, ph, th, dh, jh, ch) are kept: "khush", "ghar".</item>
/// <item>ai and ei → e: "hai" → "he", "main" and "mein" → "men".</item>
/// <item>y between a consonant and a vowel → i: "zyada" → "ziada".</item>
/// <item>A final h after a vowel is dropped (words of 3+ letters): "yeh" → "ye", "woh" → "vo".</item>
/// <item>A final y after a consonant → e (words of 3+ letters): "pehly" → "pehle".</item>
/// </list>
/// </summary>
internal static class RomanUrduSpelling
{
    /// <summary>Folds <paramref name="word"/> in place (a–z only) and returns its new length (never longer).</summary>
    public static int Fold(Span<char> word)
    {
        // Writing at n never overtakes reading at i: each run read writes at most one letter.
        var n = 0;
        var i = 0;
        while (i < word.Length)
        {
            var c = Map(word[i]);
            var run = 1;
            while (i + run < word.Length && Map(word[i + run]) == c)
            {
                run++;
            }

            i += run;
            if (run > 1)
            {
                c = c switch { 'e' => 'i', 'o' => 'u', _ => c };
            }

            if (c == 'c' && n >= 2 && word[n - 2] == 'c' && word[n - 1] == 'h' && i < word.Length && word[i] == 'h')
            {
                i++;
                continue;
            }

            if (c == 'h' && n > 0 && word[n - 1] == 'z')
            {
                continue;
            }

            if (c == 'y' && n > 0 && !IsVowel(word[n - 1]) && i < word.Length && IsVowel(Map(word[i])))
            {
                c = 'i';
            }

            if (c == 'i' && n > 0 && word[n - 1] is 'a' or 'e')
            {
                word[n - 1] = 'e';
                continue;
            }

            if (n > 0 && word[n - 1] == c)
            {
                continue;
            }

            word[n++] = c;
        }

        if (n >= 3 && word[n - 1] == 'h' && IsVowel(word[n - 2]))
        {
            n--;
        }
        else if (n >= 3 && word[n - 1] == 'y' && !IsVowel(word[n - 2]))
        {
            word[n - 1] = 'e';
        }

        return n;
    }

    private static char Map(char c) => c switch { 'w' => 'v', 'q' => 'k', _ => c };

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
