using Katalyst.Scoring.Text;

namespace Katalyst.Scoring.Tests.Text;

public sealed class TextFeaturizerTests
{
    private readonly TextFeaturizer featurizer = new();

    [Fact]
    public void Featurize_SameText_SameFeatures()
    {
        var a = featurizer.Featurize("apni tasveer bhejo, warna sab ko dikha dunga");
        var b = new TextFeaturizer().Featurize("apni tasveer bhejo, warna sab ko dikha dunga");
        Assert.Equal(a.Ids, b.Ids);
        Assert.Equal(a.Values, b.Values);
    }

    [Fact]
    public void Featurize_KnownWord_HashesToAFixedBucket()
    {
        // Pins the hash and the bucket count (2^17): a change here silently invalidates every trained model.
        var features = featurizer.FeaturizeNormalized("ok");
        Assert.Equal([66108, 75071, 79931, 118875], features.Ids);
    }

    [Fact]
    public void Featurize_AnyText_IdsAscendingDistinctInRangeAndUnitNorm()
    {
        var features = featurizer.Featurize("[2024-05-01 10:00] ali: send me a photo ... تصویر بھیجو بھیجو bhejo bhejo 🙂");
        Assert.Equal(features.Ids.Length, features.Values.Length);
        Assert.All(features.Ids, id => Assert.InRange(id, 1, TextFeaturizer.BucketCount - 1));
        Assert.True(features.Ids.Zip(features.Ids.Skip(1)).All(p => p.First < p.Second));
        Assert.Equal(1.0, Math.Sqrt(features.Values.Sum(v => (double)v * v)), 5);
    }

    [Fact]
    public void Featurize_EmptyOrPunctuation_NoFeatures()
    {
        Assert.Equal(0, featurizer.Featurize("").Count);
        Assert.Equal(0, featurizer.Featurize(" ... !! 🙂 ").Count);
    }

    [Fact]
    public void Featurize_SpellingVariants_SameFeatures()
    {
        var a = featurizer.Featurize("apni tasveer bhejo warna sab ko dikha dun ga");
        var b = featurizer.Featurize("Apni TASWEER bhejo warna sab ko dikha dunga");
        Assert.Equal(a.Ids, b.Ids);
    }

    [Fact]
    public void Featurize_UnfoldedVariant_SharesMostFeatures()
    {
        // "bohat" and "bahut" are not folded; character n-grams of the rest of the sentence still match.
        var a = featurizer.Featurize("kisi ko bataya to bohat bura hoga");
        var b = featurizer.Featurize("kisi ko bataya to bahut bura hoga");
        var shared = a.Ids.Intersect(b.Ids).Count();
        Assert.True(shared >= 0.6 * a.Count, $"only {shared} of {a.Count} features shared");
    }

    [Fact]
    public void Featurize_Numbers_ShareTheirShape()
    {
        var a = featurizer.Featurize("pay 20000 rupees");
        var b = featurizer.Featurize("pay 50000 rupees");
        Assert.Equal(a.Ids, b.Ids);
    }

    [Fact]
    public void Featurize_ManyFeatures_CappedAtMax()
    {
        var capped = new TextFeaturizer(maxFeatures: 10).Featurize("send me a picture of yourself right now please");
        Assert.Equal(10, capped.Count);
        Assert.Equal(1.0, Math.Sqrt(capped.Values.Sum(v => (double)v * v)), 5);
    }

    [Fact]
    public void Constructor_NonPositiveCap_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextFeaturizer(maxFeatures: 0));
}
