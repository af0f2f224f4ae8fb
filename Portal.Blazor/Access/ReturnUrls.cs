namespace Katalyst.Portal.Access;

/// <summary>Keeps redirects after sign-in inside the portal.</summary>
public static class ReturnUrls
{
    /// <summary>
    /// <paramref name="returnUrl"/> when it is a path in this portal (starts with one '/', not '//' or '/\');
    /// otherwise <c>/</c>, so that a crafted link cannot send a person elsewhere after signing in.
    /// </summary>
    public static string Safe(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/')
        {
            return "/";
        }

        if (returnUrl.Length > 1 && (returnUrl[1] == '/' || returnUrl[1] == '\\'))
        {
            return "/";
        }

        return returnUrl.StartsWith("/signin", StringComparison.OrdinalIgnoreCase) ? "/" : returnUrl;
    }

    /// <summary>Where a person lands after signing in without a return address: the first page their roles open.</summary>
    public static string Landing(System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PortalRoles.Investigator) || user.IsInRole(PortalRoles.Supervisor) ? "/"
            : user.IsInRole(PortalRoles.Admin) ? "/admin/users"
            : user.IsInRole(PortalRoles.Auditor) ? "/audit"
            : "/access-denied";
    }
}
