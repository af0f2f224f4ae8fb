namespace Katalyst.Deploy.Tests.Manifests;

/// <summary>deploy/compose: one server with SQL Server; the portal waits for the schema upgrade and every value it needs is asked for.</summary>
public sealed class ComposeFileTests
{
    private static readonly YamlDocument Compose = YamlDocuments.Read(Path.Combine(YamlDocuments.Folder("compose"), "compose.yaml")).Single();

    private static Dictionary<object, object?> Services => Compose.Path<Dictionary<object, object?>>("services")!;

    [Fact]
    public void Compose_KatalystImages_EachHasADockerfile()
    {
        var images = Services.Values.Select(s => YamlDocuments.At<string>(s, "image")!).Where(i => i.StartsWith("katalyst/", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, images.Count);
        Assert.All(images, image => Assert.True(File.Exists(KubernetesManifestTests.DockerfileOf(image)), image));
    }

    [Fact]
    public void Compose_Portal_StartsAfterTheMigrationOnSqlServer()
    {
        var portal = Services["portal"];

        Assert.Equal("service_completed_successfully", YamlDocuments.At<string>(portal, "depends_on", "migrate", "condition"));
        Assert.Equal("service_healthy", YamlDocuments.At<string>(Services["migrate"], "depends_on", "sqlserver", "condition"));
        Assert.Equal("SqlServer", YamlDocuments.At<string>(portal, "environment", "Store__Provider"));
    }

    [Fact]
    public void Compose_EveryVariable_IsInTheExampleEnvironmentFile()
    {
        var text = File.ReadAllText(Path.Combine(YamlDocuments.Folder("compose"), "compose.yaml"));
        var example = File.ReadAllLines(Path.Combine(YamlDocuments.Folder("compose"), "katalyst.env.example"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#')).Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)]).ToHashSet();
        var used = System.Text.RegularExpressions.Regex.Matches(text, @"\$\{(?<name>[A-Z_]+)").Select(m => m.Groups["name"].Value).Distinct().ToList();

        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.True(example.Contains(name), $"compose.yaml uses ${{{name}}}, which katalyst.env.example does not explain"));
    }
}
