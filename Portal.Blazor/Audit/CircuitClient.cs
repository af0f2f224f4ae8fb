using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Katalyst.Portal.Audit;

/// <summary>
/// The remote address of the browser behind one Blazor circuit, read from the hub connection's
/// <see cref="HttpContext"/> when the circuit opens (there is no HttpContext to ask later, while the
/// circuit handles events). Scoped: one per circuit.
/// </summary>
public sealed class CircuitClient
{
    /// <summary>True inside a circuit once it has opened.</summary>
    public bool IsCircuit { get; private set; }

    /// <summary>The client's IP address as the server saw it at circuit start, or null when unknown.</summary>
    public string? RemoteAddress { get; private set; }

    internal void Capture(HttpContext? context)
    {
        IsCircuit = true;
        RemoteAddress ??= context?.Connection.RemoteIpAddress?.ToString();
    }

    /// <summary>Captures the address at circuit start (and at reconnection, should the first attempt have had none).</summary>
    internal sealed class Handler(CircuitClient client, IHttpContextAccessor accessor) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            client.Capture(accessor.HttpContext);
            return Task.CompletedTask;
        }

        public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            client.Capture(accessor.HttpContext);
            return Task.CompletedTask;
        }
    }
}
