using Katalyst.Referrals.Evidence;

namespace Katalyst.Referrals.Tests.Evidence;

/// <summary>Partial temporary files left by a writer that died are removed when a store opens; live writers' are kept.</summary>
public sealed class EvidenceStoreTempTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("katalyst-evidence-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Open_TempFilesOfDeadAndLiveWriters_OnlyDeadOnesRemovedStoredEvidenceKept()
    {
        var first = new EvidenceStore(root);
        var stored = await first.AddAsync(new MemoryStream([1, 2, 3]), 100, TestContext.Current.CancellationToken);
        var temp = Path.Combine(root, "tmp");
        var dead = Path.Combine(temp, $"{DeadProcessId()}.abandoned");
        var unnamed = Path.Combine(temp, "no-writer-named");
        var live = Path.Combine(temp, $"{Environment.ProcessId}.being-written");
        foreach (var file in new[] { dead, unnamed, live })
        {
            await File.WriteAllBytesAsync(file, [9, 9], TestContext.Current.CancellationToken);
        }

        _ = new EvidenceStore(root);

        Assert.False(File.Exists(dead));
        Assert.False(File.Exists(unnamed));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(first.PathOf(stored.Sha256)));
    }

    // A process id no process has: the highest pid Linux hands out is 4,194,304.
    private static int DeadProcessId()
    {
        for (var pid = 4_194_000; ; pid++)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
            }
            catch (ArgumentException)
            {
                return pid;
            }
        }
    }
}
