using System.Text.RegularExpressions;

namespace Katalyst.Synthetic.Tests;

[Collection(GeneratedBatchCollection.Name)]
public sealed class TextTests(GeneratedBatch batch)
{
    /// <summary>Explicit terms (English, Roman Urdu, Urdu) that synthetic text must never contain.</summary>
    private static readonly string[] Blocklist =
    [
        "sex", "sexy", "sexual", "nude", "nudes", "naked", "porn", "porno", "xxx", "rape", "boobs", "breast", "breasts",
        "penis", "vagina", "genital", "genitals", "orgasm", "masturbate", "erotic", "fuck", "dick", "cock", "pussy",
        "undress", "strip", "csam", "cp", "nangi", "nanga", "nangay", "chudai", "ننگی", "ننگا", "سیکس", "فحش",
    ];

    private static readonly string[] FreeTextElements =
        ["content", "additionalInfo", "profileBio", "escalateToHighPriority", "displayName", "screenName"];

    private List<string> Texts() => batch.Reports.Values
        .SelectMany(d => d.Descendants().Where(e => FreeTextElements.Contains(e.Name.LocalName)).Select(e => e.Value))
        .ToList();

    [Fact]
    public void FreeText_ContainsNoBlocklistedTerm()
    {
        var pattern = new Regex(@"(?<![\p{L}])(" + string.Join("|", Blocklist.Select(Regex.Escape)) + @")(?![\p{L}])", RegexOptions.IgnoreCase);
        var hits = Texts().Select(t => pattern.Match(t)).Where(m => m.Success).Select(m => m.Value).Distinct().ToList();

        Assert.True(hits.Count == 0, "blocklisted terms found: " + string.Join(", ", hits));
    }

    [Fact]
    public void FreeText_MixesEnglishRomanUrduAndUrduScript()
    {
        var all = string.Join("\n", Texts());

        Assert.Matches(@"\p{IsArabic}", all);
        Assert.Contains("warna", all, StringComparison.Ordinal);
        Assert.Contains("send me", all, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void FreeText_RomanUrduSpelledSeveralWays()
    {
        var all = string.Join("\n", Texts());
        var spellings = new[] { "tasveer", "tasvir", "tasweer" }.Count(s => all.Contains(s, StringComparison.Ordinal));

        Assert.True(spellings >= 2, $"only {spellings} spellings of tasveer found");
    }
}
