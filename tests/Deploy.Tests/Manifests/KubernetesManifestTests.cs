namespace Katalyst.Deploy.Tests.Manifests;

/// <summary>deploy/kubernetes read as Kubernetes would: every reference resolves, probes hit real ports, clients balance.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = YamlDocuments.Folder("kubernetes");

    private static IReadOnlyList<YamlDocument> All => [.. Directory.GetFiles(Folder, "*.yaml").Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal)).SelectMany(YamlDocuments.Read)];

    [Fact]
    public void Manifests_EveryDocument_HasKindNameAndTheNamespace()
    {
        Assert.NotEmpty(All);
        foreach (var document in All)
        {
            Assert.False(string.IsNullOrEmpty(document.Path<string>("apiVersion")), $"{document.File}: a document without apiVersion");
            Assert.False(string.IsNullOrEmpty(document.Kind), $"{document.File}: a document without kind");
            Assert.False(string.IsNullOrEmpty(document.Name), $"{document.File}: a {document.Kind} without metadata.name");
            if (document.Kind != "Namespace")
            {
                Assert.True(document.Path<string>("metadata", "namespace") == "katalyst", $"{document.File}: {document.Kind} {document.Name} is not in namespace katalyst");
            }
        }
    }

    [Fact]
    public void Kustomization_Resources_ListEveryManifestButTheUpgradeJob()
    {
        var listed = YamlDocuments.Read(Path.Combine(Folder, "kustomization.yaml")).Single().Path<List<object?>>("resources")!.Cast<string>().ToList();
        var files = Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Where(f => f is not "kustomization.yaml" and not "migrate-job.yaml");

        Assert.Equal(files.Order(), listed.Order());
    }

    [Fact]
    public void References_ClaimsAndConfigMaps_DefinedHereAndSecretsInTheDeploymentGuide()
    {
        var claims = All.Where(d => d.Kind == "PersistentVolumeClaim").Select(d => d.Name).ToHashSet();
        var configMaps = All.Where(d => d.Kind == "ConfigMap").Select(d => d.Name).ToHashSet();
        var guide = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "docs", "deployment.md"));
        foreach (var document in All)
        {
            foreach (var map in YamlDocuments.Maps(document.Root))
            {
                if (map.TryGetValue("claimName", out var claim))
                {
                    Assert.True(claims.Contains((string)claim!), $"{document.File}: claim {claim} is not defined");
                }

                if (YamlDocuments.At<string>(map, "configMapRef", "name") is { } configMap)
                {
                    Assert.True(configMaps.Contains(configMap), $"{document.File}: ConfigMap {configMap} is not defined");
                }

                if (map.TryGetValue("secretKeyRef", out var secretKey) && secretKey is Dictionary<object, object?> reference)
                {
                    Assert.Contains($"kubectl -n katalyst create secret generic {reference["name"]}", guide, StringComparison.Ordinal);
                    Assert.Contains($"--from-literal={reference["key"]}=", guide, StringComparison.Ordinal);
                }

                if (map.TryGetValue("secretName", out var secret))
                {
                    Assert.Contains($"kubectl -n katalyst create secret generic {secret}", guide, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void Probes_EveryContainer_ProbesAPortItOpens()
    {
        foreach (var document in All.Where(d => d.Kind == "Deployment"))
        {
            foreach (var container in document.Path<List<object?>>("spec", "template", "spec", "containers")!.Cast<Dictionary<object, object?>>())
            {
                var ports = ((List<object?>)container["ports"]!).Cast<Dictionary<object, object?>>().ToList();
                var open = ports.Select(p => p["containerPort"]!.ToString()).Concat(ports.Select(p => (string)p["name"]!)).ToHashSet();
                foreach (var probe in new[] { "readinessProbe", "livenessProbe" })
                {
                    Assert.True(container.ContainsKey(probe), $"{document.File}: {container["name"]} has no {probe}");
                    var port = YamlDocuments.Maps(container[probe]).Select(m => m.GetValueOrDefault("port")).First(p => p is not null)!.ToString();
                    Assert.True(open.Contains(port!), $"{document.File}: {container["name"]}'s {probe} probes port {port}, which it does not open");
                }

                Assert.NotNull(YamlDocuments.At<object>(container, "resources", "requests"));
            }
        }
    }

    [Fact]
    public void ScoringReplicas_HeadlessServiceSelectsThem_AndThePortalBalancesOverIt()
    {
        var scoring = All.Single(d => d.Kind == "Deployment" && d.Name == "katalyst-scoring");
        var headless = All.Single(d => d.Kind == "Service" && d.Path<string>("spec", "clusterIP") == "None");
        var selector = headless.Path<Dictionary<object, object?>>("spec", "selector")!;
        var labels = scoring.Path<Dictionary<object, object?>>("spec", "template", "metadata", "labels")!;
        var server = All.Single(d => d.Kind == "ConfigMap").Path<string>("data", "Scoring__Server")!;

        Assert.All(selector, s => Assert.Equal(s.Value, labels.GetValueOrDefault(s.Key)));
        Assert.StartsWith($"dns:///{headless.Name}.katalyst.svc.cluster.local:", server, StringComparison.Ordinal);
        Assert.NotNull(scoring.Path<Dictionary<object, object?>>("spec", "template", "spec", "nodeSelector"));
    }

    [Fact]
    public void Images_EveryKatalystImage_HasADockerfile()
    {
        var images = All.SelectMany(d => YamlDocuments.Maps(d.Root)).Select(m => m.GetValueOrDefault("image") as string).OfType<string>().ToList();

        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.True(File.Exists(DockerfileOf(image)), $"{image} has no {DockerfileOf(image)}"));
    }

    internal static string DockerfileOf(string image) =>
        Path.Combine(RepositoryFolder.Root, "deploy", image.Split(':')[0].Replace("katalyst/", "", StringComparison.Ordinal), "Dockerfile");
}
