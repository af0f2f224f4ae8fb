using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Katalyst.Tests;

/// <summary>Loopback ports for services a test starts in their own process.</summary>
internal static class LoopbackPort
{
    /// <summary>A port nothing listens on now (the OS's pick, released at once).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Waits until <paramref name="process"/> accepts connections on <paramref name="port"/>; fails at once, with
    /// <paramref name="log"/>'s text, when it exits first, and after <paramref name="within"/> when it never listens.
    /// </summary>
    public static async Task WaitListeningAsync(Process process, int port, TimeSpan within, string what, Func<string> log)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{what} exited with {process.ExitCode}:\n{log()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }

        throw new TimeoutException($"{what} did not listen on port {port} within {within.TotalSeconds:0} s:\n{log()}");
    }
}
