using System.Diagnostics.CodeAnalysis;

namespace Katalyst.Referrals.Intake.Parsing;

/// <summary>
/// Skips whitespace before the first <c>&lt;</c> of a document. Strictly, an XML declaration
/// must come first, but documents pasted from code often start with a newline; refusing them
/// for that would say "not well-formed" when the real problem (if any) is elsewhere. A UTF-8
/// byte-order mark is kept. Only a bounded prefix is buffered, so any stream works.
/// </summary>
internal sealed class LeadingWhitespaceStream : Stream
{
    private const int PrefixLimit = 4096;
    [SuppressMessage("Usage", "CA2213:Disposable fields should be disposed", Justification = "The caller owns the stream it passed in.")]
    private readonly Stream inner;
    private readonly byte[] prefix;
    private int prefixStart;
    private readonly int prefixEnd;

    private LeadingWhitespaceStream(Stream inner, byte[] prefix, int start, int end)
    {
        this.inner = inner;
        this.prefix = prefix;
        prefixStart = start;
        prefixEnd = end;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Wraps <paramref name="stream"/>; returns how many line feeds were skipped.</summary>
    public static (LeadingWhitespaceStream Stream, int SkippedLines) Skip(Stream stream)
    {
        var buffer = new byte[PrefixLimit];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = stream.Read(buffer, filled, buffer.Length - filled)) > 0)
        {
            filled += read;
        }

        var bom = filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        var start = bom;
        var lines = 0;
        while (start < filled && buffer[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            lines += buffer[start] == (byte)'\n' ? 1 : 0;
            start++;
        }

        if (start == bom || start == filled || buffer[start] != (byte)'<')
        {
            return (new LeadingWhitespaceStream(stream, buffer, 0, filled), 0);
        }

        // Move the byte-order mark up to sit right before the first '<'.
        if (bom > 0)
        {
            start -= bom;
            buffer.AsSpan(0, bom).CopyTo(buffer.AsSpan(start));
        }

        return (new LeadingWhitespaceStream(stream, buffer, start, filled), lines);
    }

    /// <summary>
    /// The 1-based line (in the whole document, skipped lines included) of an ASCII <paramref name="marker"/> within the
    /// buffered first bytes, or null; for errors XmlException gives no position for.
    /// </summary>
    public int? LineOf(string marker)
    {
        var index = prefix.AsSpan(0, prefixEnd).IndexOf(System.Text.Encoding.ASCII.GetBytes(marker));
        return index < 0 ? null : 1 + prefix.AsSpan(0, index).Count((byte)'\n');
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (prefixStart < prefixEnd)
        {
            var n = Math.Min(buffer.Length, prefixEnd - prefixStart);
            prefix.AsSpan(prefixStart, n).CopyTo(buffer);
            prefixStart += n;
            return n;
        }

        return inner.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
