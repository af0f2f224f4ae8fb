using Katalyst.Protos.V1;
using MediaHashType = Katalyst.Media.HashSets.HashType;
using ProtoHashType = Katalyst.Protos.V1.HashType;

namespace Katalyst.Inference.Media;

/// <summary>Maps a <see cref="FileMatch"/> to <c>katalyst.v1.MediaMatch</c>, for files and video frames alike.</summary>
internal static class MediaMatchMapping
{
    public static MediaMatch Map(FileMatch m) => new()
    {
        HashType = m.HashType switch
        {
            MediaHashType.Md5 => ProtoHashType.Md5,
            MediaHashType.Sha1 => ProtoHashType.Sha1,
            MediaHashType.Sha256 => ProtoHashType.Sha256,
            _ => ProtoHashType.Pdq,
        },
        Match = new HashSetMatch
        {
            Set = m.Match.Set, Category = m.Match.Category, Source = m.Match.Source, Distance = m.Match.Distance, MatchedValue = m.Match.MatchedHash,
        },
        // PdqDihedral's values are PdqTransform's, in upstream's order.
        PdqTransform = (PdqTransform)(int)m.Match.Transform,
    };
}
