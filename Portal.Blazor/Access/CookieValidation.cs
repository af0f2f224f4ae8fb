using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Katalyst.Portal.Access;

/// <summary>
/// The session cookie checked against the stored account on every request (<c>OnValidatePrincipal</c>): a disabled or
/// removed account is signed out, so the request goes to sign-in; changed roles or unit are put into the cookie at once.
/// </summary>
internal static partial class CookieValidation
{
    /// <summary>The cookie handler's <c>OnValidatePrincipal</c>.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal)
        {
            return;
        }

        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionValidation>();
        var (check, account) = await sessions.CheckAsync(principal, context.HttpContext.RequestAborted);
        switch (check)
        {
            case SessionCheck.Refused:
                LogSessionRefused(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CookieValidation)),
                    principal.Identity?.Name ?? "(unnamed)");
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                break;
            case SessionCheck.Changed:
                context.ReplacePrincipal(PortalClaims.For(account!));
                context.ShouldRenew = true;
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session of {UserName} refused: the account is disabled or gone")]
    private static partial void LogSessionRefused(ILogger logger, string userName);
}
