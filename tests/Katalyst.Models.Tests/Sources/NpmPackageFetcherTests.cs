using System.Security.Cryptography;
using System.Text;
using Katalyst.Models.Sources;

namespace Katalyst.Models.Tests.Sources;

/// <summary>The fetcher against a stand-in <c>npm</c> (a shell script writing known bytes): the registry is the boundary faked.</summary>
public sealed class NpmPackageFetcherTests : IDisposable
{
    private static readonly byte[] PackedBytes = Encoding.UTF8.GetBytes("not really a tarball, but bytes npm handed over\n");
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("katalyst-fetch-");

    private string Folder => Path.Combine(root.FullName, "npm");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public async Task FetchAsync_PackedBytesDifferFromPin_RefusesNamingBothHashes()
    {
        var pinned = new string('0', 64);
        var fetcher = new NpmPackageFetcher(Folder, FakeNpm());

        var error = await Assert.ThrowsAsync<PackageHashMismatchException>(() => fetcher.FetchAsync(Source(pinned), TestContext.Current.CancellationToken));

        Assert.Contains(pinned, error.Message, StringComparison.Ordinal);
        Assert.Contains(Sha(PackedBytes), error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Folder, "fake-1.0.0.tgz")), "refused bytes must not be left where convert would look");
    }

    [Fact]
    public async Task FetchAsync_PackedBytesMatchPin_PutsTarballInFolder()
    {
        var fetcher = new NpmPackageFetcher(Folder, FakeNpm());

        var fetched = await fetcher.FetchAsync(Source(Sha(PackedBytes)), TestContext.Current.CancellationToken);

        Assert.True(fetched.Downloaded);
        Assert.Equal(PackedBytes, await File.ReadAllBytesAsync(fetched.Path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FetchAsync_PinnedTarballAlreadyThere_KeepsItWithoutRunningNpm()
    {
        Directory.CreateDirectory(Folder);
        await File.WriteAllBytesAsync(Path.Combine(Folder, "fake-1.0.0.tgz"), PackedBytes, TestContext.Current.CancellationToken);
        var fetcher = new NpmPackageFetcher(Folder, Path.Combine(root.FullName, "no-such-npm"));

        var fetched = await fetcher.FetchAsync(Source(Sha(PackedBytes)), TestContext.Current.CancellationToken);

        Assert.False(fetched.Downloaded);
    }

    [Fact]
    public async Task FetchAsync_NpmCannotRun_FailsSayingSo()
    {
        var fetcher = new NpmPackageFetcher(Folder, Path.Combine(root.FullName, "no-such-npm"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fetcher.FetchAsync(Source(Sha(PackedBytes)), TestContext.Current.CancellationToken));

        Assert.Contains("Cannot run", error.Message, StringComparison.Ordinal);
        Assert.Contains("fake@1.0.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_NpmFails_PassesOnItsErrorWithoutStack()
    {
        var script = Path.Combine(root.FullName, "failing-npm");
        File.WriteAllText(script, "#!/bin/sh\necho 'npm error code E404' >&2\necho 'npm error     at Fetch (/usr/lib/npm.js:1:1)' >&2\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new NpmPackageFetcher(Folder, script).FetchAsync(Source(Sha(PackedBytes)), TestContext.Current.CancellationToken));

        Assert.Equal("npm pack fake@1.0.0 failed (exit 1): npm error code E404", error.Message);
    }

    [Fact]
    public async Task VerifyAsync_TarballMissing_TellsToFetch()
    {
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => new NpmPackageFetcher(Folder).VerifyAsync(Source(Sha(PackedBytes)), TestContext.Current.CancellationToken));

        Assert.Contains("katalyst models fetch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_TarballChanged_RefusesNamingBothHashes()
    {
        Directory.CreateDirectory(Folder);
        await File.WriteAllBytesAsync(Path.Combine(Folder, "fake-1.0.0.tgz"), [1, 2, 3], TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<PackageHashMismatchException>(() => new NpmPackageFetcher(Folder).VerifyAsync(Source(Sha(PackedBytes)), TestContext.Current.CancellationToken));

        Assert.Contains(Sha([1, 2, 3]), error.Message, StringComparison.Ordinal);
        Assert.Contains(Sha(PackedBytes), error.Message, StringComparison.Ordinal);
    }

    private static PackageSource Source(string sha256) => new("fake", "1.0.0", "fake-1.0.0.tgz", sha256, "MIT", "");

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    // Stands in for `npm pack SPEC --pack-destination DIR ...`: writes the known bytes as DIR/fake-1.0.0.tgz.
    private string FakeNpm()
    {
        var script = Path.Combine(root.FullName, "fake-npm");
        var payload = Path.Combine(root.FullName, "payload");
        File.WriteAllBytes(payload, PackedBytes);
        File.WriteAllText(script, $"#!/bin/sh\n[ \"$1\" = pack ] && [ \"$3\" = --pack-destination ] || exit 9\ncp '{payload}' \"$4/fake-1.0.0.tgz\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }
}
