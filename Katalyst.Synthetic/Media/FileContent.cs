using Katalyst.Synthetic.Referrals;

namespace Katalyst.Synthetic.Media;

/// <summary>A file's bytes (when written) and the hashes its fileDetails states.</summary>
internal sealed record FileContent(byte[]? Bytes, string? Md5, string? Sha1)
{
    /// <summary>
    /// Resolves a planned file. Exact copies of known pictures come from the pool (already rendered).
    /// Near-duplicates and new pictures are rendered only with media: without it their stated hashes are those of
    /// a stand-in byte string unique to the file (ESPs state a hash for every file; encoding pictures nobody writes
    /// would take most of the run). Videos are never written (no video encoder); their hashes are those of a
    /// fixed stand-in byte string too.
    /// </summary>
    public static FileContent Resolve(FilePlan file, KnownPool pool, int seed, bool media)
    {
        if (file.IsVideo)
        {
            if (file.Source == FileSource.KnownExact)
            {
                var known = pool.Videos[file.KnownIndex];
                return new FileContent(null, known.Md5, known.Sha1);
            }

            var stand = KnownPool.VideoStandIn(seed, file.FileId);
            return new FileContent(null, KnownPool.Md5Hex(stand), KnownPool.Sha1Hex(stand));
        }

        byte[]? bytes = file.Source switch
        {
            FileSource.KnownExact => pool.Images[file.KnownIndex].Bytes,
            _ when !media => null,
            FileSource.NearDuplicate => NearDuplicate.Render(pool.Images[file.KnownIndex], file.NearKind, file.NearAmount, file.Encoding, file.JpegQuality),
            _ => ImageEncoder.Encode(Painter.Paint(file.NewPicture!), file.Encoding, file.JpegQuality),
        };

        if (bytes is null)
        {
            var stand = KnownPool.ImageStandIn(seed, file.FileId);
            return new FileContent(null, KnownPool.Md5Hex(stand), KnownPool.Sha1Hex(stand));
        }

        var exact = file.Source == FileSource.KnownExact ? pool.Images[file.KnownIndex] : null;
        return new FileContent(bytes, exact?.Md5 ?? KnownPool.Md5Hex(bytes), exact?.Sha1 ?? KnownPool.Sha1Hex(bytes));
    }

    /// <summary>A well-formed MD5 that is not the file's, for the deliberately wrong ones.</summary>
    public static string WrongMd5(string md5) =>
        KnownPool.Md5Hex(System.Text.Encoding.ASCII.GetBytes("not-" + md5));
}
