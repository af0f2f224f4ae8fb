using Katalyst.Referrals.Store.Access;
using Microsoft.AspNetCore.Components.Authorization;

namespace Katalyst.Portal.Audit;

/// <summary>
/// Records what people do in the portal: who (the signed-in user), what (an <see cref="AuditActions"/> name),
/// to what, when, and from where (the client's IP, for HTTP requests and Blazor circuits alike).
/// Scoped: inject it into pages, components and endpoints.
/// </summary>
public sealed partial class AuditLog(
    AuditLogStore store,
    CircuitClient circuit,
    IHttpContextAccessor httpContextAccessor,
    AuthenticationStateProvider authenticationState,
    TimeProvider time,
    ILogger<AuditLog> logger)
{
    /// <summary>Records an action by the signed-in user.</summary>
    /// <param name="action">One of <see cref="AuditActions"/>.</param>
    /// <param name="target">What it was done to: a report id, a user name, a unit code; or null.</param>
    /// <param name="detail">Anything else worth keeping (never evidence content); or null.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="InvalidOperationException">No user is signed in.</exception>
    public async Task RecordAsync(string action, string? target = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        var userName = await CurrentUserNameAsync()
            ?? throw new InvalidOperationException($"Cannot audit '{action}': no user is signed in.");
        await RecordForAsync(userName, action, target, detail, cancellationToken);
    }

    /// <summary>
    /// Records an action on behalf of a named person who is not (yet) signed in: the name typed at a failed
    /// sign-in, or <c>system</c> for start-up work.
    /// </summary>
    public async Task RecordForAsync(string userName, string action, string? target = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var remoteAddress = circuit.IsCircuit ? circuit.RemoteAddress : httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
        await store.AppendAsync(time.GetUtcNow(), userName, action, target, detail, remoteAddress, cancellationToken);
        LogRecorded(userName, action, target);
    }

    private async Task<string?> CurrentUserNameAsync()
    {
        // In a circuit the HttpContext (if any) is stale; the circuit's authentication state is the truth.
        if (!circuit.IsCircuit && httpContextAccessor.HttpContext is { } context)
        {
            return context.User.Identity is { IsAuthenticated: true, Name: { } requestUser } ? requestUser : null;
        }

        var state = await authenticationState.GetAuthenticationStateAsync();
        return state.User.Identity is { IsAuthenticated: true, Name: { } circuitUser } ? circuitUser : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: {UserName} {Action} {Target}")]
    private partial void LogRecorded(string userName, string action, string? target);
}
