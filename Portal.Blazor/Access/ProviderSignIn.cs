using System.Security.Claims;
using Katalyst.Portal.Audit;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Access;

/// <summary>
/// Sign-in through the agency's identity provider (OpenID Connect, authorization code with PKCE): the provider's
/// role claim becomes Katalyst roles, and each sign-in is audited.
/// </summary>
internal static class ProviderSignIn
{
    /// <summary>Configures the OpenID Connect handler from <see cref="AccessOptions.OpenIdConnect"/>.</summary>
    internal sealed class ConfigureOptions(IOptions<AccessOptions> access) : IConfigureNamedOptions<OpenIdConnectOptions>
    {
        public void Configure(string? name, OpenIdConnectOptions options)
        {
            if (name == OpenIdConnectDefaults.AuthenticationScheme)
            {
                Configure(options);
            }
        }

        public void Configure(OpenIdConnectOptions options)
        {
            var provider = access.Value.OpenIdConnect;
            options.Authority = provider.Authority;
            options.ClientId = provider.ClientId;
            options.ClientSecret = string.IsNullOrEmpty(provider.ClientSecret) ? null : provider.ClientSecret;
            options.ResponseType = "code";
            options.UsePkce = true;
            options.SaveTokens = false;
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.CallbackPath = "/signin-oidc";
            options.SignedOutCallbackPath = "/signout-callback-oidc";
            options.TokenValidationParameters.NameClaimType = "preferred_username";
            options.TokenValidationParameters.RoleClaimType = ClaimTypes.Role;
            options.Events.OnTokenValidated = context => MapRolesAndAuditAsync(context, provider);
        }
    }

    private static async Task MapRolesAndAuditAsync(Microsoft.AspNetCore.Authentication.OpenIdConnect.TokenValidatedContext context, OpenIdConnectAccessOptions provider)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        var providerRoles = identity.FindAll(provider.RoleClaim).Select(c => c.Value).ToList();
        foreach (var role in PortalClaims.MapProviderRoles(providerRoles, provider.RoleMap))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        var audit = context.HttpContext.RequestServices.GetRequiredService<AuditLog>();
        await audit.RecordForAsync(identity.Name ?? identity.FindFirst("sub")?.Value ?? "unknown", AuditActions.SignIn, detail: "identity provider", cancellationToken: context.HttpContext.RequestAborted);
    }
}
