using System.Diagnostics;
using Katalyst.Media.ExternalTools;

namespace Katalyst.Media.Tests.ExternalTools;

public sealed class ToolRunTests
{
    [Fact]
    public async Task RunAsync_Cat_EchoesStandardInput()
    {
        var result = await ToolRun.RunAsync("cat", [], "synthetic bytes"u8.ToArray(), TimeSpan.FromSeconds(10), "coreutils", null, TestContext.Current.CancellationToken);

        Assert.Equal((0, "synthetic bytes"), (result.ExitCode, result.StandardOutput));
    }

    [Fact]
    public async Task RunAsync_PastTimeout_KillsAndThrowsNamingProgram()
    {
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<TimeoutException>(() =>
            ToolRun.RunAsync("sleep", ["30"], ReadOnlyMemory<byte>.Empty, TimeSpan.FromMilliseconds(300), "coreutils", null, TestContext.Current.CancellationToken));

        Assert.Contains("'sleep' ran past its 0.3 s limit", ex.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "the process was not stopped at its limit");
    }

    [Fact]
    public async Task RunAsync_MissingProgram_ThrowsNamingPackage()
    {
        var ex = await Assert.ThrowsAsync<MissingToolException>(() =>
            ToolRun.RunAsync("katalyst-no-such-program", [], ReadOnlyMemory<byte>.Empty, TimeSpan.FromSeconds(5), "some-package", null, TestContext.Current.CancellationToken));

        Assert.Equal("'katalyst-no-such-program' is not installed: install Debian's some-package (apt-get install some-package).", ex.Message);
    }
}
