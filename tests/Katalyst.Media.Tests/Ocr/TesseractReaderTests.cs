using Katalyst.Media.ExternalTools;
using Katalyst.Media.Ocr;
using Katalyst.Media.Tests.Text;
using Microsoft.Extensions.Options;

namespace Katalyst.Media.Tests.Ocr;

// These need Debian's tesseract-ocr, tesseract-ocr-eng and tesseract-ocr-urd; without them they fail naming the package.
public sealed class TesseractReaderTests
{
    [Fact]
    public async Task ReadAsync_RenderedEnglishText_ReadsTheWords()
    {
        var (png, _) = RenderedText.Draw("HELLO 2026", RenderedText.LatinFont);

        var text = await new TesseractReader().ReadAsync(png, TestContext.Current.CancellationToken);

        Assert.Contains("HELLO", text.Text, StringComparison.Ordinal);
        Assert.Contains("2026", text.Text, StringComparison.Ordinal);
        Assert.InRange(text.MeanConfidence, 1, 100);
        Assert.Contains(text.Words, w => w.Text == "HELLO" && w.Width > 0 && w.Height > 0);
    }

    [Fact]
    public async Task ReadAsync_DetectedRegionOfDecodedImage_ReadsTheWordsInIt()
    {
        var (png, _) = RenderedText.Draw("HELLO 2026", RenderedText.LatinFont);
        using var image = RenderedText.Decode(png);
        var region = Assert.Single(DetectionModel.Shared.Detect(image).Regions);
        var reader = new TesseractReader(Options.Create(new TesseractOptions { Languages = "eng", PageSegmentationMode = 7 }));

        var text = await reader.ReadAsync(image, region, TestContext.Current.CancellationToken);

        Assert.Equal("HELLO 2026", text.Text);
    }

    [Fact]
    public async Task ReadAsync_PlainGradient_ReadsNothing()
    {
        var text = await new TesseractReader().ReadAsync(RenderedText.Gradient(), TestContext.Current.CancellationToken);

        Assert.Equal("", text.Text);
        Assert.Equal(0, text.MeanConfidence);
    }

    [Fact]
    public async Task ReadAsync_NotAnImage_ThrowsWithTesseractsError()
    {
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => new TesseractReader().ReadAsync("not an image"u8.ToArray(), TestContext.Current.CancellationToken));

        Assert.Contains("tesseract could not read the image", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MissingProgram_ThrowsNamingDebianPackage()
    {
        var reader = new TesseractReader(Options.Create(new TesseractOptions { Executable = "/nonexistent/tesseract" }));

        var ex = await Assert.ThrowsAsync<MissingToolException>(() => reader.ReadAsync(RenderedText.Gradient(), TestContext.Current.CancellationToken));

        Assert.Equal("tesseract-ocr", ex.Package);
        Assert.Contains("/nonexistent/tesseract", ex.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install tesseract-ocr", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckInstalledAsync_MissingLanguage_ThrowsNamingItsPackage()
    {
        var reader = new TesseractReader(Options.Create(new TesseractOptions { Languages = "eng+chi_tra" }));

        var ex = await Assert.ThrowsAsync<MissingToolException>(() => reader.CheckInstalledAsync(TestContext.Current.CancellationToken));

        Assert.Equal("tesseract-ocr-chi-tra", ex.Package);
        Assert.Contains("'chi_tra'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckInstalledAsync_DefaultLanguages_AreInstalled()
    {
        // English and Urdu must both be there: this fails (naming tesseract-ocr-urd) on a machine without the Urdu pack.
        await new TesseractReader().CheckInstalledAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Constructor_BadLanguages_ThrowsNamingKey()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new TesseractReader(Options.Create(new TesseractOptions { Languages = "eng+; rm" })));

        Assert.Contains("Media:Ocr:Languages", ex.Message, StringComparison.Ordinal);
    }
}
