using System.Globalization;
using Grpc.Core;
using Katalyst.Media.Matching;
using Katalyst.Protos.V1;
using HashType = Katalyst.Media.HashSets.HashType;
using ProtoHashType = Katalyst.Protos.V1.HashType;

namespace Katalyst.Inference.HashSets;

/// <summary>The <c>katalyst.v1.HashSets</c> gRPC service: validate, match against one version of the sets, map.</summary>
public sealed class HashSetsService(LoadedHashSets sets) : Protos.V1.HashSets.HashSetsBase
{
    /// <summary>Most hashes in one Match call.</summary>
    public const int MaxBatch = 10_000;

    /// <inheritdoc />
    public override Task<MatchHashesResponse> Match(MatchHashesRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Hashes.Count is 0 or > MaxBatch)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"hashes: send 1 to {MaxBatch:N0} hashes, not {request.Hashes.Count:N0}"));
        }

        var queries = new HashQuery[request.Hashes.Count];
        for (var i = 0; i < queries.Length; i++)
        {
            queries[i] = Query(request.Hashes[i], i);
        }

        var version = sets.Current;
        var response = new MatchHashesResponse { SetsLoadedAt = Iso(version.LoadedAt) };
        foreach (var query in queries)
        {
            var result = new HashMatches();
            result.Matches.AddRange(version.Matcher.Match(query).Select(m => new HashSetMatch
            {
                Set = m.Set, Category = m.Category, Source = m.Source, Distance = m.Distance, MatchedValue = m.MatchedHash,
            }));
            response.Results.Add(result);
        }

        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public override Task<HashSetList> List(ListHashSetsRequest request, ServerCallContext context)
    {
        var version = sets.Current;
        var list = new HashSetList { LoadedAt = Iso(version.LoadedAt) };
        list.Sets.AddRange(version.Matcher.Manifest.Sets.Select(s => new HashSetSummary
        {
            Name = s.Name,
            Enabled = s.Enabled,
            Radius = s.Radius,
            Counts = new Protos.V1.HashCounts { Md5 = s.Counts.Md5, Sha1 = s.Counts.Sha1, Sha256 = s.Counts.Sha256, Pdq = s.Counts.Pdq },
            ImportedAt = Iso(s.ImportedAt),
            SourceFile = s.SourceFile,
            SourceSha256 = s.SourceSha256,
        }));
        return Task.FromResult(list);
    }

    private static HashQuery Query(HashToMatch item, int index)
    {
        HashType? type = item.Type switch
        {
            ProtoHashType.Md5 => HashType.Md5,
            ProtoHashType.Sha1 => HashType.Sha1,
            ProtoHashType.Sha256 => HashType.Sha256,
            ProtoHashType.Pdq => HashType.Pdq,
            _ => null,
        };
        if (type is null)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"hashes[{index}].type: {item.Type} is not a hash type; use MD5, SHA1, SHA256 or PDQ"));
        }

        return HashQuery.TryParse(type.Value, item.Value, out var query, out var problem)
            ? query!
            : throw Invalid(string.Create(CultureInfo.InvariantCulture, $"hashes[{index}].value: {problem}"));
    }

    private static RpcException Invalid(string detail) => new(new Status(StatusCode.InvalidArgument, detail));

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
