using System.Diagnostics;
using System.Text;

namespace Katalyst.Deploy.Tests.Images;

/// <summary>
/// An image's entry point run from the laid-out application folder with the Dockerfile's ENV (as the container would
/// start it), plus the settings a test machine needs in place of the container's (a loopback port, scratch folders).
/// </summary>
internal sealed class ImageProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private ImageProcess(Process process)
    {
        this.process = process;
    }

    /// <summary>What the process wrote, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public static ImageProcess Start(ImageLayout image, IReadOnlyDictionary<string, string> overrides, params string[] arguments)
    {
        var entry = image.Dockerfile.Entrypoint;
        var start = new ProcessStartInfo(entry[0]) { WorkingDirectory = image.AppPath, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var word in entry.Skip(1).Concat(arguments))
        {
            start.ArgumentList.Add(word);
        }

        foreach (var (key, value) in image.Dockerfile.Environment.Concat(overrides))
        {
            start.Environment[key] = value;
        }

        var running = new ImageProcess(Process.Start(start) ?? throw new InvalidOperationException($"{entry[1]} did not start"));
        running.process.OutputDataReceived += (_, e) => running.Append(e.Data);
        running.process.ErrorDataReceived += (_, e) => running.Append(e.Data);
        running.process.BeginOutputReadLine();
        running.process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Waits for the process to end (a command) and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    /// <summary>Waits until the process listens on <paramref name="port"/> (a service); fails with its log if it exits.</summary>
    public Task ListeningAsync(int port) =>
        LoopbackPort.WaitListeningAsync(process, port, TimeSpan.FromSeconds(90), "the image's process", () => Log);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
