using Katalyst.Media.Ocr;

namespace Katalyst.Media.Tests.Ocr;

public sealed class TesseractTsvTests
{
    private const string Header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    [Fact]
    public void Parse_WordsOnTwoLines_JoinsLinesAndAveragesConfidence()
    {
        var tsv = Header
            + "1\t1\t0\t0\t0\t0\t0\t0\t640\t200\t-1\t\n"
            + "4\t1\t1\t1\t1\t0\t40\t70\t380\t50\t-1\t\n"
            + "5\t1\t1\t1\t1\t1\t40\t70\t200\t50\t96.5\tHELLO\n"
            + "5\t1\t1\t1\t1\t2\t260\t70\t160\t50\t93.5\t2026\n"
            + "5\t1\t1\t1\t2\t1\t40\t140\t100\t40\t80\tagain\n";

        var text = TesseractTsv.Parse(tsv);

        Assert.Equal("HELLO 2026\nagain", text.Text);
        Assert.Equal(90, text.MeanConfidence, 6);
        Assert.Equal(new OcrWord("HELLO", 96.5, 40, 70, 200, 50), text.Words[0]);
    }

    [Fact]
    public void Parse_OnlyHeader_GivesNoText()
    {
        var text = TesseractTsv.Parse(Header);

        Assert.Equal(("", 0.0, 0), (text.Text, text.MeanConfidence, text.Words.Count));
    }

    [Fact]
    public void Parse_NoHeader_Throws()
    {
        Assert.Throws<InvalidDataException>(() => TesseractTsv.Parse("5\t1\t1\n"));
    }

    [Fact]
    public void Parse_BadNumber_ThrowsNamingLineAndField()
    {
        var ex = Assert.Throws<InvalidDataException>(() => TesseractTsv.Parse(Header + "5\t1\t1\t1\t1\tx\t0\t0\t1\t1\t90\tword\n"));

        Assert.Contains("line 2 field 6 'x'", ex.Message, StringComparison.Ordinal);
    }
}
