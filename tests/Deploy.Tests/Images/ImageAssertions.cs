namespace Katalyst.Deploy.Tests.Images;

/// <summary>What every image's Dockerfile must satisfy against its project's publish output.</summary>
internal static class ImageAssertions
{
    /// <summary>Every COPY source names something the publish output holds (a missing one fails `docker build`).</summary>
    public static void CopySourcesExist(ImageLayout image)
    {
        var copies = image.Dockerfile.Copies.ToList();
        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            foreach (var source in copy.Sources)
            {
                Assert.True(image.Matches(source).Count > 0,
                    $"{image.Dockerfile.Path} line {copy.Line}: COPY {source} matches nothing in `dotnet publish {image.Project}` output ({image.PublishPath}).");
            }
        }
    }

    /// <summary>The image holds the entry point and every assembly, and every Linux or Unix runtime asset, the publish output has.</summary>
    public static void ImageHoldsWhatTheAppLoads(ImageLayout image)
    {
        var entry = image.Dockerfile.Entrypoint;
        Assert.Equal("dotnet", entry[0]);
        Assert.True(File.Exists(Path.Combine(image.AppPath, entry[1])), $"ENTRYPOINT {entry[1]} is not in the image.");
        var needed = Directory.EnumerateFiles(image.PublishPath, "*.dll")
            .Concat(Directory.EnumerateFiles(image.PublishPath, "*.json"))
            .Concat(new[] { "linux-x64", "linux", "unix" }
                .Select(rid => Path.Combine(image.PublishPath, "runtimes", rid))
                .Where(Directory.Exists)
                .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)))
            .Select(f => Path.GetRelativePath(image.PublishPath, f));
        var missing = needed.Where(f => !File.Exists(Path.Combine(image.AppPath, f))).ToList();
        Assert.True(missing.Count == 0, $"{image.Dockerfile.Path} leaves out: {string.Join(", ", missing)}");
    }
}
