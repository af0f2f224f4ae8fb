using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Access;

/// <summary>
/// The authentication state of an open Blazor circuit, checked again every <see cref="AccessOptions.RevalidateMinutes"/>:
/// a person whose account was disabled, or whose roles or unit changed, loses the session in the circuit (the page
/// then sends them to sign in again, which gives them their new roles).
/// </summary>
public sealed partial class RevalidatingAuthenticationState(
    ILoggerFactory loggerFactory,
    SessionValidation sessions,
    IOptions<AccessOptions> options) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private readonly ILogger logger = loggerFactory.CreateLogger<RevalidatingAuthenticationState>();

    /// <inheritdoc />
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(options.Value.RevalidateMinutes);

    /// <inheritdoc />
    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        var (check, _) = await sessions.CheckAsync(authenticationState.User, cancellationToken);
        if (check != SessionCheck.Current)
        {
            LogSessionEnded(logger, authenticationState.User.Identity?.Name ?? "(unnamed)", check);
        }

        return check == SessionCheck.Current;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The circuit session of {UserName} ended: the account is {Check} since sign-in")]
    private static partial void LogSessionEnded(ILogger logger, string userName, SessionCheck check);
}
