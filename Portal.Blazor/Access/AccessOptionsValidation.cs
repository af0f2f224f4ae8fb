using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Access;

/// <summary>Checks <see cref="AccessOptions"/> at start-up, naming the key that is wrong.</summary>
internal sealed class AccessOptionsValidation : IValidateOptions<AccessOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        var failures = new List<string>();
        if (options.DemoAccounts && options.DemoPassword.Length < options.MinPasswordLength)
        {
            failures.Add($"Access:DemoPassword must have at least {options.MinPasswordLength} characters (Access:MinPasswordLength).");
        }

        if (options.Mode == AccessMode.OpenIdConnect)
        {
            var oidc = options.OpenIdConnect;
            if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add($"Access:OpenIdConnect:Authority must be an absolute https URL when Access:Mode is OpenIdConnect; it is '{oidc.Authority}'.");
            }

            if (string.IsNullOrWhiteSpace(oidc.ClientId))
            {
                failures.Add("Access:OpenIdConnect:ClientId is required when Access:Mode is OpenIdConnect.");
            }

            if (string.IsNullOrWhiteSpace(oidc.RoleClaim))
            {
                failures.Add("Access:OpenIdConnect:RoleClaim must name the claim that carries roles.");
            }

            foreach (var (from, to) in oidc.RoleMap)
            {
                if (!PortalRoles.IsKnown(to))
                {
                    failures.Add($"Access:OpenIdConnect:RoleMap:{from} maps to '{to}', which is not a Katalyst role ({string.Join(", ", PortalRoles.All)}).");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
