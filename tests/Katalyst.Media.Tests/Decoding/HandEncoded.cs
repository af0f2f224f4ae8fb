using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Katalyst.Media.Tests.Decoding;

/// <summary>
/// Image files written byte by byte: the formats Skia does not encode (BMP, GIF), exact RGBA PNGs nothing premultiplies,
/// and headers that declare far more pixels than the file carries.
/// </summary>
internal static class HandEncoded
{
    /// <summary>A 24-bit bottom-up BMP (Skia does not write BMP).</summary>
    public static byte[] Bmp(SKBitmap bitmap)
    {
        var (width, height) = (bitmap.Width, bitmap.Height);
        var rowBytes = ((width * 3) + 3) & ~3;
        var bytes = new byte[54 + (rowBytes * height)];
        "BM"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(2), bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(28), 24);
        for (var y = 0; y < height; y++)
        {
            var row = 54 + ((height - 1 - y) * rowBytes);
            for (var x = 0; x < width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                (bytes[row + (3 * x)], bytes[row + (3 * x) + 1], bytes[row + (3 * x) + 2]) = (c.Blue, c.Green, c.Red);
            }
        }

        return bytes;
    }

    /// <summary>
    /// A GIF89a of the bitmap's colours (at most 256; Skia does not write GIF). The LZW stream sends every pixel as a
    /// literal and a clear code every 250 codes, so codes stay 9 bits wide: valid, just not compressed.
    /// </summary>
    public static byte[] Gif(SKBitmap bitmap, int? declaredWidth = null, int? declaredHeight = null)
    {
        var (width, height) = (bitmap.Width, bitmap.Height);
        var palette = new List<SKColor>();
        var indices = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                var index = palette.IndexOf(c);
                if (index < 0)
                {
                    index = palette.Count;
                    palette.Add(c);
                }

                indices[(y * width) + x] = (byte)index;
            }
        }

        var gif = new List<byte>();
        gif.AddRange("GIF89a"u8.ToArray());
        AddUInt16(gif, declaredWidth ?? width);
        AddUInt16(gif, declaredHeight ?? height);
        gif.AddRange([0xF7, 0, 0]); // global colour table of 256 entries
        for (var i = 0; i < 256; i++)
        {
            var c = i < palette.Count ? palette[i] : SKColors.Black;
            gif.AddRange([c.Red, c.Green, c.Blue]);
        }

        gif.Add(0x2C);
        AddUInt16(gif, 0);
        AddUInt16(gif, 0);
        AddUInt16(gif, declaredWidth ?? width);
        AddUInt16(gif, declaredHeight ?? height);
        gif.Add(0);
        gif.Add(8); // LZW minimum code size
        var packed = PackLiteralCodes(indices);
        for (var offset = 0; offset < packed.Count; offset += 255)
        {
            var length = Math.Min(255, packed.Count - offset);
            gif.Add((byte)length);
            gif.AddRange(packed.GetRange(offset, length));
        }

        gif.Add(0);
        gif.Add(0x3B);
        return [.. gif];
    }

    /// <summary>A PNG whose header declares a huge image, followed by a little real (zero) pixel data (or none) and the end.</summary>
    public static byte[] PngDeclaring(int width, int height, bool withPixelData = true)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        byte[] idat = [0x78, 0x9C, 0x63, 0x60, 0x18, 0x05, 0x00, 0x00]; // a short zlib stream of zeros
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", ihdr), .. (withPixelData ? Chunk("IDAT", idat) : []), .. Chunk("IEND", [])];
    }

    /// <summary>
    /// An 8-bit RGBA PNG of exactly these pixels, written by hand (stored deflate blocks) so that nothing between the test
    /// and the file premultiplies or drops the colour of transparent pixels.
    /// </summary>
    public static byte[] PngRgba(int width, int height, byte[] rgba)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 6; // RGBA
        var raw = new List<byte>();
        for (var y = 0; y < height; y++)
        {
            raw.Add(0); // filter: none
            raw.AddRange(rgba.AsSpan(y * width * 4, width * 4).ToArray());
        }

        var zlib = new List<byte> { 0x78, 0x01 };
        for (var offset = 0; offset < raw.Count || offset == 0; offset += 65535)
        {
            var length = Math.Min(65535, raw.Count - offset);
            zlib.Add((byte)(offset + length >= raw.Count ? 1 : 0));
            zlib.AddRange([(byte)length, (byte)(length >> 8), (byte)~length, (byte)(~length >> 8)]);
            zlib.AddRange(raw.GetRange(offset, length));
        }

        uint a = 1, b = 0;
        foreach (var value in raw)
        {
            a = (a + value) % 65521;
            b = (b + a) % 65521;
        }

        var adler = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(adler, (b << 16) | a);
        zlib.AddRange(adler);
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", [.. zlib]), .. Chunk("IEND", [])];
    }

    private static List<byte> PackLiteralCodes(byte[] indices)
    {
        const int Clear = 256, End = 257;
        var bits = new List<byte>();
        int buffer = 0, count = 0;
        void Emit(int code)
        {
            buffer |= code << count;
            count += 9;
            while (count >= 8)
            {
                bits.Add((byte)(buffer & 0xFF));
                buffer >>= 8;
                count -= 8;
            }
        }

        for (var i = 0; i < indices.Length; i++)
        {
            if (i % 250 == 0)
            {
                Emit(Clear);
            }

            Emit(indices[i]);
        }

        Emit(End);
        if (count > 0)
        {
            bits.Add((byte)(buffer & 0xFF));
        }

        return bits;
    }

    private static void AddUInt16(List<byte> bytes, int value)
    {
        bytes.Add((byte)(value & 0xFF));
        bytes.Add((byte)(value >> 8));
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var chunk = new byte[4 + typed.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typed.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(4 + typed.Length), Crc32(typed));
        return chunk;
    }

    // PNG's CRC-32 (ISO 3309), bit by bit: a few chunks, no table needed.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
