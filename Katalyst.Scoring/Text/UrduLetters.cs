namespace Katalyst.Scoring.Text;

/// <summary>
/// Folds one character of Arabic script to the form Urdu text is matched in. Urdu is typed on Arabic, Persian
/// and Urdu keyboards, so the same word reaches us with different code points for the same letter.
/// </summary>
internal static class UrduLetters
{
    /// <summary>What happens to a character.</summary>
    public const char Drop = '\0';

    /// <summary>
    /// The folded character, <see cref="Drop"/> to remove it, or <paramref name="c"/> unchanged. Each rule, with
    /// an example (the left side folds to the right side):
    /// <list type="bullet">
    /// <item>Arabic yeh and alef maksura → Farsi yeh: ي, ى → ی (e.g. <c>مي</c> → <c>می</c>).</item>
    /// <item>Arabic kaf → keheh: ك → ک (<c>كيا</c> → <c>کیا</c>).</item>
    /// <item>Arabic heh, teh marbuta (Arabic and goal), heh with yeh → heh goal: ه, ة, ۃ, ۀ → ہ (<c>هم</c> → <c>ہم</c>);
    /// do-chashmi heh ھ, which marks aspiration (<c>بھیجو</c>), is kept.</item>
    /// <item>Alef with hamza or madda, alef wasla → alef: أ, إ, آ, ٱ → ا (<c>آؤں</c> and <c>اؤں</c> meet).</item>
    /// <item>Hamza carriers → their bare letter: ؤ → و, ئ → ی, ۓ → ے (<c>جائے</c> → <c>جایے</c>).</item>
    /// <item>Harakat, tanween, shadda, sukun, superscript alef, Quranic marks and tatweel are dropped
    /// (<c>تَصْوِیر</c> → <c>تصویر</c>, <c>تـــصویر</c> → <c>تصویر</c>).</item>
    /// <item>Arabic-Indic and Eastern Arabic-Indic digits → ASCII: ٣ and ۳ → 3.</item>
    /// <item>Zero-width (non-)joiners and direction marks are dropped (<c>ZWNJ</c> between Urdu letters).</item>
    /// </list>
    /// </summary>
    public static char Fold(char c)
    {
        if (c < '\u0600')
        {
            return c;
        }

        return c switch
        {
            '\u064A' or '\u0649' or '\u0626' => '\u06CC',
            '\u0643' => '\u06A9',
            '\u0647' or '\u0629' or '\u06C3' or '\u06C0' => '\u06C1',
            '\u0623' or '\u0625' or '\u0622' or '\u0671' => '\u0627',
            '\u0624' => '\u0648',
            '\u06D3' => '\u06D2',
            '\u0640' => Drop,
            >= '\u064B' and <= '\u065F' => Drop,
            '\u0670' => Drop,
            >= '\u0610' and <= '\u061A' => Drop,
            >= '\u06D6' and <= '\u06ED' and not '\u06DD' and not '\u06DE' => Drop,
            >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
            >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
            '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u061C' or '\uFEFF' => Drop,
            _ => c,
        };
    }
}
