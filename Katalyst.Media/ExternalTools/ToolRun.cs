using System.ComponentModel;
using System.Diagnostics;

namespace Katalyst.Media.ExternalTools;

/// <summary>What a program run by <see cref="ToolRun"/> left: its exit code and its output.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="StandardOutput">Everything it wrote to standard output (UTF-8).</param>
/// <param name="StandardError">Everything it wrote to standard error (UTF-8).</param>
internal sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// Runs a program with bytes on standard input and collects its output, within a time limit: the whole process tree is
/// killed when the limit passes or the caller cancels. Nothing is written to disk.
/// </summary>
internal static class ToolRun
{
    /// <exception cref="MissingToolException">The program is not installed.</exception>
    /// <exception cref="TimeoutException">It ran past <paramref name="timeout"/>.</exception>
    public static async Task<ToolResult> RunAsync(
        string executable, IEnumerable<string> arguments, ReadOnlyMemory<byte> input, TimeSpan timeout, string debianPackage,
        IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new MissingToolException(executable, debianPackage);
        }
        catch (Win32Exception ex)
        {
            throw new MissingToolException($"'{executable}'", debianPackage, ex);
        }

        using (process)
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            limit.CancelAfter(timeout);
            try
            {
                var output = process.StandardOutput.ReadToEndAsync(limit.Token);
                var error = process.StandardError.ReadToEndAsync(limit.Token);
                try
                {
                    await process.StandardInput.BaseStream.WriteAsync(input, limit.Token).ConfigureAwait(false);
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // The program stopped reading (it failed early): its exit code and error output say why.
                }

                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
                return new ToolResult(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException($"'{executable}' ran past its {timeout.TotalSeconds:0.#} s limit and was stopped.");
            }
        }
    }
}
