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

    // The person is kept in users (ProviderAccounts), refused when disabled, and the sign-in (or refusal) is audited.
    private static async Task MapRolesAndAuditAsync(Microsoft.AspNetCore.Authentication.OpenIdConnect.TokenValidatedContext context, OpenIdConnectAccessOptions provider)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var audit = services.GetRequiredService<AuditLog>();
        var who = identity.Name ?? identity.FindFirst(ProviderAccounts.SubjectClaim)?.Value ?? "unknown";
        var refusal = await services.GetRequiredService<ProviderAccounts>().SignedInAsync(identity, provider, context.HttpContext.RequestAborted);
        if (refusal is not null)
        {
            await audit.RecordForAsync(who, AuditActions.SignInDisabled, detail: refusal, cancellationToken: context.HttpContext.RequestAborted);
            context.Fail(refusal);
            return;
        }

        await audit.RecordForAsync(who, AuditActions.SignIn, detail: "identity provider", cancellationToken: context.HttpContext.RequestAborted);
    }
}
