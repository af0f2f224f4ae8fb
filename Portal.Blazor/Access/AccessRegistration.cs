using Katalyst.Referrals.Store.Access;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Access;

/// <summary>Registers sign-in, roles and the policy that every page needs a signed-in user.</summary>
public static class AccessRegistration
{
    /// <summary>
    /// Binds and validates <see cref="AccessOptions"/> (section <c>Access</c>); adds cookie authentication with
    /// local accounts, or OpenID Connect when <c>Access:Mode</c> is <c>OpenIdConnect</c>; and a fallback
    /// authorization policy, so that every endpoint without its own rule (pages, the Blazor hub, APIs) requires
    /// a signed-in user.
    /// </summary>
    public static IHostApplicationBuilder AddPortalAccess(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(AccessOptions.Section);
        builder.Services.AddOptions<AccessOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AccessOptions>, AccessOptionsValidation>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<UnitStore>();
        builder.Services.AddSingleton<ReferralScopes>();
        builder.Services.AddSingleton<SessionValidation>();
        builder.Services.AddScoped<ProviderAccounts>();
        builder.Services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        builder.Services.AddScoped<LocalSignIn>();
        builder.Services.AddScoped<Admin.UserAdministration>();
        builder.Services.AddHostedService<DemoAccountsOnStart>();

        // The scheme is chosen while the host is built; the options themselves are validated on start.
        var mode = section.GetValue<AccessMode?>(nameof(AccessOptions.Mode)) ?? AccessMode.Local;
        var sessionMinutes = section.GetValue<int?>(nameof(AccessOptions.SessionMinutes)) ?? new AccessOptions().SessionMinutes;
        var authentication = builder.Services.AddAuthentication(o =>
        {
            o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.DefaultChallengeScheme = mode == AccessMode.OpenIdConnect
                ? OpenIdConnectDefaults.AuthenticationScheme
                : CookieAuthenticationDefaults.AuthenticationScheme;
        });
        authentication.AddCookie(o =>
        {
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "katalyst.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(sessionMinutes);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = CookieValidation.ValidateAsync;
        });
        if (mode == AccessMode.OpenIdConnect)
        {
            authentication.AddOpenIdConnect();
            builder.Services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, ProviderSignIn.ConfigureOptions>();
        }

        builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddCascadingAuthenticationState();

        // Replaces Blazor's own provider: open circuits re-check the account every Access:RevalidateMinutes.
        builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationState>();
        return builder;
    }

    /// <summary>Adds the security headers, authentication and authorization to the pipeline, in that order.</summary>
    public static IApplicationBuilder UsePortalAccess(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
