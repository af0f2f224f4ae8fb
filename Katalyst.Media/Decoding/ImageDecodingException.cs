namespace Katalyst.Media.Decoding;

/// <summary>An image was refused or could not be decoded; the message names the file and says why.</summary>
public sealed class ImageDecodingException : Exception
{
    /// <summary>A refusal of <paramref name="source"/> for <paramref name="reason"/>.</summary>
    public ImageDecodingException(string source, string reason)
        : base($"{source}: {reason}")
    {
        Source = source;
        Reason = reason;
    }

    /// <summary>The file (or the caller's name for the bytes) that was refused.</summary>
    public new string Source { get; }

    /// <summary>Why, without the file name.</summary>
    public string Reason { get; }
}
