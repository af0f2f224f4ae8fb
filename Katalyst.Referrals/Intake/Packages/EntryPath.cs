namespace Katalyst.Referrals.Intake.Packages;

/// <summary>Checks that a path inside a package cannot escape it (zip-slip and friends).</summary>
internal static class EntryPath
{
    /// <summary>Returns null when the relative path is safe, else why it is not.</summary>
    public static string? Unsafe(string path)
    {
        if (path.Length == 0)
        {
            return "empty entry name";
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            return $"entry \"{path}\" uses '\\' separators, which can escape the package";
        }

        if (path.StartsWith('/') || (path.Length > 1 && path[1] == ':'))
        {
            return $"entry \"{path}\" is an absolute path and escapes the package";
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment is ".." or ".")
            {
                return $"entry \"{path}\" contains '{segment}' and escapes the package";
            }

            if (segment.Any(char.IsControl))
            {
                return $"entry \"{path}\" contains control characters";
            }
        }

        return null;
    }
}
