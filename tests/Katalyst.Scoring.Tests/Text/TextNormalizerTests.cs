using Katalyst.Scoring.Text;

namespace Katalyst.Scoring.Tests.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Tasveer BHEJO", "tasvir bhejo")] // lower case, ee → i
    [InlineData("ＴＡＳＶＩＲ", "tasvir")] // NFKC: full-width letters
    [InlineData("  hello \n\n  there\t ", "helo there")] // white space runs, collapse of ll
    public void Normalize_CaseWidthAndSpace_Folded(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("tasweer", "tasvir")] // w → v, ee → i
    [InlineData("nuqsan", "nuksan")] // q → k
    [InlineData("achha", "acha")] // repeated letters collapse
    [InlineData("haal", "hal")] // aa → a
    [InlineData("jeena", "jina")] // ee → i
    [InlineData("poochta", "puchta")] // oo → u
    [InlineData("bachchon", "bachon")] // doubled ch
    [InlineData("zhalim", "zalim")] // zh → z
    [InlineData("khush ghar", "khush ghar")] // kh and gh kept
    [InlineData("hai", "he")] // ai → e
    [InlineData("zyada", "ziada")] // y between consonant and vowel → i
    [InlineData("yeh", "ye")] // final h after a vowel dropped
    [InlineData("pehly", "pehle")] // final y after a consonant → e
    [InlineData("dun ga", "dunga")] // future suffix joined
    public void Normalize_RomanUrduRule_AppliesWithExample(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("tasveer", "tasvir", "tasweer", "Tasveeer")]
    [InlineData("main", "mein", "men", "MAIN")]
    [InlineData("dunga", "dun ga", "dungaa", "Dunga")]
    [InlineData("pehle", "pehly", "Pehly", "PEHLE")]
    [InlineData("nuqsan", "nuksan", "nuqsaan", "nuksaan")]
    [InlineData("bhook", "bhuk", "bhuuk", "bhoook")]
    public void Normalize_RomanUrduVariants_MeetInOneForm(string a, string b, string c, string d)
    {
        var forms = new[] { a, b, c, d }.Select(TextNormalizer.Normalize).Distinct().ToList();
        Assert.Single(forms);
    }

    [Theory]
    [InlineData("\u0643\u064A\u0627", "\u06A9\u06CC\u0627")] // كيا → کیا (Arabic kaf and yeh)
    [InlineData("\u0645\u0649", "\u0645\u06CC")] // alef maksura → Farsi yeh
    [InlineData("\u0647\u0645", "\u06C1\u0645")] // Arabic heh → heh goal
    [InlineData("\u0635\u0644\u0648\u0629", "\u0635\u0644\u0648\u06C1")] // teh marbuta → heh goal
    [InlineData("\u0622\u0624\u06BA", "\u0627\u0648\u06BA")] // آؤں → اوں (madda, hamza carrier)
    [InlineData("\u062A\u064E\u0635\u0652\u0648\u0650\u06CC\u0631", "\u062A\u0635\u0648\u06CC\u0631")] // harakat dropped
    [InlineData("\u062A\u0640\u0640\u0635\u0648\u06CC\u0631", "\u062A\u0635\u0648\u06CC\u0631")] // tatweel dropped
    [InlineData("\u0628\u06BE\u06CC\u062C\u0648", "\u0628\u06BE\u06CC\u062C\u0648")] // do-chashmi heh kept
    [InlineData("\uFED9\u064A\u0627", "\u06A9\u06CC\u0627")] // presentation form via NFKC
    [InlineData("\u0645\u06CC\u06BA\u200C\u0646\u06D2", "\u0645\u06CC\u06BA\u0646\u06D2")] // zero-width non-joiner dropped
    public void Normalize_UrduScriptVariant_FoldsToUrduLetters(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("\u0662\u0660\u0660\u0660\u0660", "20000")] // Arabic-Indic
    [InlineData("\u06F2\u06F4 \u06AF\u06BE\u0646\u0679\u06D2", "24 \u06AF\u06BE\u0646\u0679\u06D2")] // Eastern Arabic-Indic
    public void Normalize_ArabicDigits_BecomeAscii(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Normalize_MixedMessage_FoldsEachScript()
    {
        var text = "Sun, apni TASWEER bhejo \u0648\u0631\u0646\u06C1 \u0633\u0628 \u0643\u0648 \u062F\u0643\u06BE\u0627 \u062F\u0648\u06BA \u06AF\u0627 !!";
        Assert.Equal("sun, apni tasvir bhejo \u0648\u0631\u0646\u06C1 \u0633\u0628 \u06A9\u0648 \u062F\u06A9\u06BE\u0627 \u062F\u0648\u06BA \u06AF\u0627 !!", TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_LoneSurrogate_ReplacedNotThrown() =>
        Assert.Equal("a\uFFFDb", TextNormalizer.Normalize("a\uD800b"));

    [Fact]
    public void Normalize_Null_Throws() => Assert.Throws<ArgumentNullException>(() => TextNormalizer.Normalize(null!));

    [Fact]
    public void Normalize_NormalisedText_IsUnchanged()
    {
        var once = TextNormalizer.Normalize("Meet me at the mall on Saturday, kal shaam 5 baje milte hain");
        Assert.Equal(once, TextNormalizer.Normalize(once));
    }
}
