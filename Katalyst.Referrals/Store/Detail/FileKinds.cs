namespace Katalyst.Referrals.Store.Detail;

/// <summary>Names the kind of a file from its extension, for people: the bytes themselves are never opened here.</summary>
public static class FileKinds
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["png"] = "image", ["jpg"] = "image", ["jpeg"] = "image", ["gif"] = "image", ["bmp"] = "image",
        ["webp"] = "image", ["heic"] = "image", ["tif"] = "image", ["tiff"] = "image",
        ["mp4"] = "video", ["mov"] = "video", ["avi"] = "video", ["mkv"] = "video", ["webm"] = "video",
        ["3gp"] = "video", ["wmv"] = "video",
        ["mp3"] = "audio", ["m4a"] = "audio", ["ogg"] = "audio", ["wav"] = "audio", ["opus"] = "audio",
        ["zip"] = "archive", ["rar"] = "archive", ["7z"] = "archive",
        ["pdf"] = "document", ["txt"] = "document", ["doc"] = "document", ["docx"] = "document",
    };

    /// <summary>
    /// E.g. <c>image (png)</c>, <c>file (bin)</c> for an extension not listed, <c>unknown</c> when the name has none.
    /// </summary>
    public static string Describe(string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? "").TrimStart('.');
        if (extension.Length == 0)
        {
            return "unknown";
        }

        var lower = extension.ToLowerInvariant();
        return Kinds.TryGetValue(lower, out var kind) ? $"{kind} ({lower})" : $"file ({lower})";
    }
}
