using System.Buffers;
using System.Globalization;
using CsvHelper;

namespace Katalyst.Media.HashSets;

/// <summary>
/// Reads a hash list: CSV with a header row, either <c>hash_type,hash,category,source</c> or the generator's
/// <c>hashType,value,category</c> (no source). Types are md5, sha1, sha256 and pdq in any case, with or without a
/// hyphen. Every bad row is named (file, line, reason) and any bad row refuses the whole list, so a set is never
/// half-imported. A digest repeated within a type keeps its first row.
/// </summary>
public static class HashListCsv
{
    /// <summary>The header this importer documents.</summary>
    public const string Header = "hash_type,hash,category,source";

    /// <summary>The header of <c>known-hashes.csv</c> from <c>katalyst generate</c>, also accepted.</summary>
    public const string GeneratorHeader = "hashType,value,category";

    /// <summary>Longest category or source kept, in characters.</summary>
    public const int MaxTextLength = 200;

    private const int MaxProblemsListed = 50;

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="HashListException">The file has bad rows (all of them named, up to 50) or a wrong header.</exception>
    public static HashListReadResult Read(string path, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path, cancellationToken);
    }

    /// <summary>Reads a list from <paramref name="text"/>; <paramref name="name"/> is what messages call it.</summary>
    public static HashListReadResult Read(TextReader text, string name, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var problemCount = 0;
        void Problem(long line, string reason)
        {
            if (++problemCount <= MaxProblemsListed)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} line {line}: {reason}"));
            }
        }

        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = bad => Problem(bad.LineNumber, $"malformed CSV ({bad.Reason}): {bad.RawRecord}"),
        };
        using var reader = CsvReader.Create(text, options);
        var columns = HeaderColumns(reader.Headers);
        if (columns == 0)
        {
            throw new HashListException(name, [reader.Headers.Count == 0
                ? $"{name}: the file is empty; expected the header {Header}"
                : $"{name} line 1: the header is '{string.Join(',', reader.Headers)}'; expected {Header} (or the generator's {GeneratorHeader})"], 1);
        }

        var builder = new Builder();
        var rows = 0;
        Span<byte> digest = stackalloc byte[32];
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows++;
            var line = reader.LineNumber;
            if (reader.FieldCount != columns)
            {
                Problem(line, $"{reader.FieldCount} fields; expected {columns} ({(columns == 4 ? Header : GeneratorHeader)})");
                continue;
            }

            string[] record = [reader.GetString(0), reader.GetString(1), reader.GetString(2), columns == 4 ? reader.GetString(3) : ""];

            if (!HashTypes.TryParse(record[0], out var type))
            {
                Problem(line, $"hash type '{record[0]}' is not md5, sha1, sha256 or pdq");
                continue;
            }

            if (!type.TryDecode(record[1], digest[..type.ByteLength()], out var problem))
            {
                Problem(line, problem!);
                continue;
            }

            var source = record[3];
            if (record[2].Length == 0 || record[2].Length > MaxTextLength || source.Length > MaxTextLength)
            {
                Problem(line, record[2].Length == 0 ? "the category is empty" : $"category and source are at most {MaxTextLength} characters");
                continue;
            }

            builder.Add(type, digest[..type.ByteLength()], new HashLabel(record[2], source));
        }

        if (problemCount > 0)
        {
            if (problemCount > MaxProblemsListed)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: and {problemCount - MaxProblemsListed} more bad rows"));
            }

            throw new HashListException(name, problems, problemCount);
        }

        return new HashListReadResult(builder.Build(), rows, builder.Duplicates);
    }

    private static int HeaderColumns(IReadOnlyList<string> header)
    {
        var text = string.Join(',', header);
        return text.Equals(Header, StringComparison.OrdinalIgnoreCase) ? 4
            : text.Equals(GeneratorHeader, StringComparison.OrdinalIgnoreCase) ? 3
            : 0;
    }

    private sealed class Builder
    {
        private readonly Dictionary<HashLabel, int> labels = [];
        private readonly ArrayBufferWriter<byte>[] digests = [.. HashTypes.All.Select(_ => new ArrayBufferWriter<byte>())];
        private readonly List<int>[] labelIndexes = [.. HashTypes.All.Select(_ => new List<int>())];
        private readonly HashSet<(UInt128, UInt128)>[] seen = [.. HashTypes.All.Select(_ => new HashSet<(UInt128, UInt128)>())];

        public int Duplicates { get; private set; }

        public void Add(HashType type, ReadOnlySpan<byte> digest, HashLabel label)
        {
            var column = (int)type - 1;
            Span<byte> padded = stackalloc byte[32];
            digest.CopyTo(padded);
            if (!seen[column].Add((System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(padded), System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(padded[16..]))))
            {
                Duplicates++;
                return;
            }

            if (!labels.TryGetValue(label, out var index))
            {
                index = labels.Count;
                labels.Add(label, index);
            }

            digests[column].Write(digest);
            labelIndexes[column].Add(index);
        }

        public HashSetContents Build()
        {
            var ordered = labels.OrderBy(l => l.Value).Select(l => l.Key).ToArray();
            return new HashSetContents(ordered, [.. HashTypes.All.Select(t => new DigestColumn(t, digests[(int)t - 1].WrittenSpan.ToArray(), [.. labelIndexes[(int)t - 1]]))]);
        }
    }
}

/// <summary>A list read: its contents, how many data rows it had and how many repeated an earlier digest.</summary>
public sealed record HashListReadResult(HashSetContents Contents, int Rows, int Duplicates);

/// <summary>A hash list was refused as a whole; <see cref="Problems"/> names each bad row (file, line, reason).</summary>
public sealed class HashListException(string file, IReadOnlyList<string> problems, int problemCount)
    : Exception($"{file} refused, nothing imported: {problemCount} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}")
{
    /// <summary>The file.</summary>
    public string File { get; } = file;

    /// <summary>The problems listed (at most 50, then a count of the rest).</summary>
    public IReadOnlyList<string> Problems { get; } = problems;

    /// <summary>How many bad rows in all.</summary>
    public int ProblemCount { get; } = problemCount;
}
