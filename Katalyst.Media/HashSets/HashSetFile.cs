using System.Runtime.InteropServices;
using System.Text;

namespace Katalyst.Media.HashSets;

/// <summary>
/// One set on disk, compact and quick to load: a magic and version, the labels, then per type (md5, sha1, sha256,
/// pdq) its count, its packed digests and its label indexes as raw little-endian int32, then an end marker. Digests
/// and indexes are read straight into their arrays (10 million PDQ entries are 360 MB read in bulk, not parsed).
/// </summary>
public static class HashSetFile
{
    /// <summary>The extension of set files.</summary>
    public const string Extension = ".khs";

    private static readonly byte[] Magic = "KATHSET1"u8.ToArray();
    private static readonly byte[] End = "KATHEND1"u8.ToArray();

    /// <summary>Writes <paramref name="contents"/> to <paramref name="path"/> (which must not be in use) and flushes it to disk.</summary>
    public static void Write(string path, HashSetContents contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(contents.Labels.Count);
            foreach (var label in contents.Labels)
            {
                writer.Write(label.Category);
                writer.Write(label.Source);
            }

            foreach (var column in contents.Columns)
            {
                writer.Write(column.Count);
                writer.Write(column.Digests);
                writer.Write(MemoryMarshal.AsBytes(column.LabelIndexes.AsSpan()));
            }

            writer.Write(End);
        }

        stream.Flush(flushToDisk: true);
    }

    /// <summary>Reads a set file.</summary>
    /// <exception cref="InvalidDataException">The file is not a set file, is truncated or its indexes are out of range; the message names it.</exception>
    public static HashSetContents Read(string path)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("set files store little-endian integers");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            Expect(reader.ReadBytes(Magic.Length), Magic, path, "is not a Katalyst hash-set file (wrong magic)");
            var labelCount = reader.ReadInt32();
            Check(labelCount >= 0, path, $"has a negative label count {labelCount}");
            var labels = new HashLabel[labelCount];
            for (var i = 0; i < labelCount; i++)
            {
                labels[i] = new HashLabel(reader.ReadString(), reader.ReadString());
            }

            var columns = new DigestColumn[HashTypes.All.Count];
            foreach (var type in HashTypes.All)
            {
                var count = reader.ReadInt32();
                Check(count >= 0 && (long)count * (type.ByteLength() + 4) <= stream.Length - stream.Position, path, $"says it holds {count} {type.Name()} entries, more than the file has");
                var digests = GC.AllocateUninitializedArray<byte>(count * type.ByteLength());
                stream.ReadExactly(digests);
                var indexes = GC.AllocateUninitializedArray<int>(count);
                stream.ReadExactly(MemoryMarshal.AsBytes(indexes.AsSpan()));
                columns[(int)type - 1] = new DigestColumn(type, digests, indexes);
            }

            Expect(reader.ReadBytes(End.Length), End, path, "is truncated (no end marker)");
            return new HashSetContents(labels, columns);
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentException)
        {
            throw new InvalidDataException($"{path} is damaged: {ex.Message}", ex);
        }
    }

    private static void Expect(byte[] actual, byte[] expected, string path, string problem) => Check(actual.AsSpan().SequenceEqual(expected), path, problem);

    private static void Check(bool ok, string path, string problem)
    {
        if (!ok)
        {
            throw new InvalidDataException($"{path} {problem}");
        }
    }
}
