using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Katalyst.Tests;

/// <summary>
/// The real inference service, built beside the tests (a test project that uses it references Inference.Service with
/// <c>ReferenceOutputAssembly="false"</c>), running in its own process on a free loopback port, with a partners file
/// that lets one key (<see cref="ApiKey"/>) call everything.
/// </summary>
public sealed class InferenceProcess : IAsyncLifetime
{
    private readonly int port = LoopbackPort.Free();
    private readonly string? modelsCopy;
    private readonly string partnersFolder = Directory.CreateTempSubdirectory("katalyst-partners-").FullName;
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly ConcurrentQueue<string> output = new();
    private Process? process;

    /// <summary>A service over the models built beside it (which tests must not change).</summary>
    public InferenceProcess()
        : this(ownModels: false)
    {
    }

    /// <summary>With <paramref name="ownModels"/>, the service runs over a temporary copy of the models, so a test may edit rules.json.</summary>
    /// <param name="ownModels">Run over a temporary copy of the models.</param>
    /// <param name="settings">Further configuration, passed as <c>--key=value</c> (e.g. <c>HashSets:Path</c>).</param>
    /// <param name="apiKey">The key of the partner 'tests'; a new one when null (replicas of one service share one key).</param>
    internal InferenceProcess(bool ownModels, IReadOnlyDictionary<string, string>? settings = null, string? apiKey = null)
    {
        this.settings = settings ?? new Dictionary<string, string>();
        ApiKey = apiKey ?? NewKey();
        Address = $"http://127.0.0.1:{port}";
        modelsCopy = ownModels ? ModelsCopy.From(Path.Combine(Path.GetDirectoryName(ServicePath)!, "models")) : null;
    }

    /// <summary>The service's address, e.g. <c>http://127.0.0.1:40123</c>; known before it starts.</summary>
    public string Address { get; }

    /// <summary>The API key of the partner 'tests', which may call every method; send it as <c>authorization: Bearer KEY</c>.</summary>
    public string ApiKey { get; }

    /// <summary>The partners file the service reads.</summary>
    public string PartnersPath => Path.Combine(partnersFolder, "partners.json");

    /// <summary>The models folder the service reads.</summary>
    public string ModelsPath => modelsCopy ?? Path.Combine(Path.GetDirectoryName(ServicePath)!, "models");

    private static string ServicePath
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
            return Path.Combine(RepositoryFolder.Root, "Inference.Service", "bin", configuration, "net10.0", "Inference.Service.dll");
        }
    }

    public async ValueTask InitializeAsync()
    {
        var service = ServicePath;

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(service)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(service);
        start.ArgumentList.Add($"--Kestrel:Endpoints:Grpc:Url={Address}");
        start.ArgumentList.Add("--Kestrel:Endpoints:Operations:Url=http://127.0.0.1:0"); // health and metrics; not a fixed port: tests run side by side
        WritePartners();
        start.ArgumentList.Add($"--Partners:Path={PartnersPath}");
        if (modelsCopy is not null)
        {
            start.ArgumentList.Add($"--Scoring:ModelsPath={modelsCopy}");
        }

        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        process = Process.Start(start) ?? throw new InvalidOperationException("the inference service did not start");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.Enqueue(line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Two minutes: a service process starting while the browser tests load both cores of a CI machine once took more
        // than one minute to listen (with nothing logged yet); a service that crashes still fails at once.
        await LoopbackPort.WaitListeningAsync(process, port, TimeSpan.FromMinutes(2), "the inference service", () => string.Join("\n", output));
    }

    /// <summary>Lines the service has written to standard output so far that contain <paramref name="text"/> (its log).</summary>
    public int OutputLinesContaining(string text) => output.Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>Kills the service (as a crashed machine would go: no graceful shutdown) and waits until it has exited.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process?.Dispose();
        Directory.Delete(partnersFolder, recursive: true);
        if (modelsCopy is not null)
        {
            Directory.Delete(modelsCopy, recursive: true);
        }
    }

    // The format 'katalyst partners add' writes (Inference.Service/Partners/File): ktl_<16 hex id>_<secret>, stored as SHA-256.
    internal static string NewKey() =>
        $"ktl_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";

    private void WritePartners()
    {
        var keyId = ApiKey.Substring(4, 16);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey)));
        File.WriteAllText(PartnersPath, $$"""
            {"partners": [{"name": "tests", "keyId": "{{keyId}}", "keySha256": "{{sha256}}", "methods": ["*"],
              "expiresAt": "2999-01-01T00:00:00Z", "ratePerSecond": 1000000, "maxRequestBytes": 4194304}]}
            """);
    }
}
