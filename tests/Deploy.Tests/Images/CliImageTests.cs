namespace Katalyst.Deploy.Tests.Images;

public sealed class CliImageTests(CliImage image) : IClassFixture<CliImage>
{
    [Fact]
    public void Dockerfile_CopySources_ExistInPublishOutput() => ImageAssertions.CopySourcesExist(image);

    [Fact]
    public void Image_Laid_HoldsEveryAssemblyAndNativeLibrary() => ImageAssertions.ImageHoldsWhatTheAppLoads(image);

    [Fact]
    public async Task Image_StoreMigrate_MigratesAFreshStore()
    {
        await using var command = ImageProcess.Start(image, new Dictionary<string, string>(), "store", "migrate", "--db", Path.Combine(image.DataPath, "katalyst.db"));

        var exit = await command.ExitCodeAsync();

        Assert.True(exit == 0, command.Log);
        Assert.Contains("Migrated: ", command.Log, StringComparison.Ordinal);
    }
}
