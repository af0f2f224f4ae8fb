using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Katalyst.Deploy.Tests.Images;

/// <summary>
/// A project published as its Dockerfile expects (<c>dotnet publish -o</c>, here without a second build: the test run
/// built it), and the image's application folder laid out from that output by the Dockerfile's COPY instructions,
/// as <c>docker build</c> would, so that the application can be started from exactly the files the image would hold.
/// </summary>
public abstract class ImageLayout : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("katalyst-image-").FullName;

    protected ImageLayout(string project, string image)
    {
        Project = project;
        Dockerfile = Dockerfile.Read(System.IO.Path.Combine(RepositoryFolder.Root, "deploy", image, "Dockerfile"));
    }

    /// <summary>The project folder, relative to the repository root.</summary>
    public string Project { get; }

    internal Dockerfile Dockerfile { get; }

    /// <summary>The publish output: the Docker build context.</summary>
    public string PublishPath => System.IO.Path.Combine(folder, "publish");

    /// <summary>The image's working directory, filled by the COPY instructions.</summary>
    public string AppPath => System.IO.Path.Combine(folder, "app");

    /// <summary>A scratch folder for the running application's data.</summary>
    public string DataPath => Directory.CreateDirectory(System.IO.Path.Combine(folder, "data")).FullName;

    public async ValueTask InitializeAsync()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryFolder.Root };
        foreach (var argument in new[] { "publish", Project, "-c", configuration, "--no-build", "--nologo", "-o", PublishPath })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {Project} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }

        foreach (var copy in Dockerfile.Copies)
        {
            foreach (var source in copy.Sources)
            {
                foreach (var match in Matches(source))
                {
                    Place(match, copy.Destination);
                }
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>The files and folders of the publish output a COPY source names (Go's path.Match per segment, as Docker).</summary>
    public IReadOnlyList<string> Matches(string source)
    {
        var segments = source.TrimEnd('/').Split('/');
        IEnumerable<string> found = [PublishPath];
        foreach (var segment in segments)
        {
            var pattern = new Regex("^" + Regex.Escape(segment).Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$");
            found = found.Where(Directory.Exists)
                .SelectMany(Directory.EnumerateFileSystemEntries)
                .Where(p => pattern.IsMatch(System.IO.Path.GetFileName(p)))
                .ToList();
        }

        return [.. found];
    }

    // COPY of a file into a folder (destination ending in /) keeps its name; COPY of a folder copies its contents.
    private void Place(string source, string destination)
    {
        var target = System.IO.Path.Combine(AppPath, destination.TrimStart('.', '/'));
        if (Directory.Exists(source))
        {
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var to = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
                File.Copy(file, to, overwrite: true);
            }

            return;
        }

        Directory.CreateDirectory(target);
        File.Copy(source, System.IO.Path.Combine(target, System.IO.Path.GetFileName(source)), overwrite: true);
    }
}

/// <summary>The scoring service's image.</summary>
public sealed class InferenceImage() : ImageLayout("Inference.Service", "inference");

/// <summary>The portal's image.</summary>
public sealed class PortalImage() : ImageLayout("Portal.Blazor", "portal");

/// <summary>The operators' command image.</summary>
public sealed class CliImage() : ImageLayout("tools/Katalyst.Cli", "cli");
