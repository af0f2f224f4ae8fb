using System.Buffers.Binary;

namespace Katalyst.Media.Video;

/// <summary>Splits ffmpeg's <c>image2pipe</c> PNG output (PNG files back to back) into one PNG each, by walking the chunks to IEND.</summary>
internal static class PngStream
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <exception cref="InvalidDataException">The bytes are not whole PNGs back to back.</exception>
    public static List<ReadOnlyMemory<byte>> Split(ReadOnlyMemory<byte> bytes)
    {
        var images = new List<ReadOnlyMemory<byte>>();
        var span = bytes.Span;
        var start = 0;
        while (start < span.Length)
        {
            if (span.Length - start < Signature.Length || !span.Slice(start, Signature.Length).SequenceEqual(Signature))
            {
                throw new InvalidDataException($"ffmpeg's frame output at byte {start} is not the start of a PNG.");
            }

            var at = start + Signature.Length;
            while (true)
            {
                if (span.Length - at < 12)
                {
                    throw new InvalidDataException($"ffmpeg's frame output ends inside the PNG that starts at byte {start}.");
                }

                var length = BinaryPrimitives.ReadUInt32BigEndian(span[at..]);
                var isEnd = span.Slice(at + 4, 4).SequenceEqual("IEND"u8);
                if (length > (uint)(span.Length - at - 12))
                {
                    throw new InvalidDataException($"ffmpeg's frame output ends inside the PNG that starts at byte {start}.");
                }

                at += 12 + (int)length;
                if (isEnd)
                {
                    break;
                }
            }

            images.Add(bytes[start..at]);
            start = at;
        }

        return images;
    }
}
