using System.Net;
using System.Net.Sockets;

namespace Katalyst.Inference.Tests.Balancing;

/// <summary>Loopback ports that accept connections and never say a word: replicas hung in a way only a deadline ends.</summary>
internal sealed class SilentReplicas : IDisposable
{
    private readonly List<TcpListener> listeners = [];
    private readonly List<Socket> accepted = [];
    private readonly CancellationTokenSource stop = new();

    public SilentReplicas(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            listeners.Add(listener);
            _ = AcceptAsync(listener);
        }
    }

    /// <summary>The ports as addresses.</summary>
    public IReadOnlyList<string> Addresses => [.. listeners.Select(l => $"http://127.0.0.1:{((IPEndPoint)l.LocalEndpoint).Port}")];

    public void Dispose()
    {
        stop.Cancel();
        listeners.ForEach(l => l.Stop());
        lock (accepted)
        {
            accepted.ForEach(s => s.Dispose());
        }

        stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var socket = await listener.AcceptSocketAsync(stop.Token);
                lock (accepted)
                {
                    accepted.Add(socket); // held open, never read or written
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped
        }
    }
}
