using Katalyst.Portal.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Katalyst.Portal.Access;

/// <summary>The sign-out endpoint and the identity provider's sign-in entry.</summary>
public static class AccessEndpoints
{
    /// <summary>
    /// Maps <c>POST /signout</c> (antiforgery-checked; audits, ends the session, returns to the sign-in page) and
    /// <c>GET /signin/provider</c> (starts a sign-in at the identity provider in OpenID Connect mode).
    /// </summary>
    public static IEndpointRouteBuilder MapPortalAccess(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/signout", async (HttpContext context, AuditLog audit) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                await audit.RecordAsync(AuditActions.SignOut, cancellationToken: context.RequestAborted);
            }

            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/signin");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

        endpoints.MapGet("/signin/provider", (string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = ReturnUrls.Safe(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();
        return endpoints;
    }
}
