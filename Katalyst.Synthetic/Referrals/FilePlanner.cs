using System.Globalization;
using Katalyst.Synthetic.Labels;
using Katalyst.Synthetic.Media;
using Katalyst.Synthetic.Sampling;

namespace Katalyst.Synthetic.Referrals;

/// <summary>Draws a referral's files: count, kind, known or new, flags, annotations and hashes to state.</summary>
internal static class FilePlanner
{
    public const int MaxFilesPerReport = 200;
    private static readonly (string, double)[] Classes = [("A1", 30), ("A2", 15), ("B1", 35), ("B2", 20)];

    public static List<FilePlan> Plan(Random rng, KnownPool pool, Scenario scenario, bool bundled, bool informational, DateTime incidentAt, IReadOnlyList<IpEvent> ips)
    {
        var count = bundled ? rng.Next(1, 4) : Math.Clamp((int)Math.Round(rng.LogNormal(2, 60)), 1, MaxFilesPerReport);

        // Known material is 85% of files overall; reports tend to be all-known or mixed, not evenly spread.
        var coerced = (scenario.Indicators & (TextIndicators.Sextortion | TextIndicators.Production)) != 0;
        var knownShare = coerced ? 0.3 : rng.Chance(0.7) ? 1.0 : 0.5;
        var files = new List<FilePlan>(count);
        for (var i = 0; i < count; i++)
        {
            var file = One(rng, pool, bundled ? 1.0 : knownShare, bundled, coerced, incidentAt, ips);

            // NCMEC does not mark a referral informational when its files show signs of ongoing abuse.
            files.Add(informational ? file.WithoutUrgentSigns() : file);
        }

        return files;
    }

    private static FilePlan One(Random rng, KnownPool pool, double knownShare, bool bundled, bool coerced, DateTime incidentAt, IReadOnlyList<IpEvent> ips)
    {
        var isVideo = !bundled && rng.Chance(0.25);
        var known = rng.Chance(knownShare);
        var source = !known ? FileSource.New : !isVideo && !bundled && rng.Chance(0.2) ? FileSource.NearDuplicate : FileSource.KnownExact;
        var knownIndex = isVideo ? rng.Next(pool.Videos.Count) : rng.Next(pool.Images.Count);
        var near = (NearDuplicateKind)rng.Next(4);
        var spec = source == FileSource.New && !isVideo ? Painter.RandomSpec(rng, 512) : null;
        var (encoding, quality) = EncodingFor(rng, pool, source, isVideo, knownIndex, near);
        var extension = isVideo ? "mp4" : ImageEncoder.Extension(encoding);
        var uploaded = incidentAt.AddMinutes(-rng.Next(0, 60 * 24 * 14));

        var flags = FileFlags.None;
        if (bundled || rng.Chance(0.08))
        {
            flags |= rng.Chance(0.5) ? FileFlags.Viral : FileFlags.PotentialMeme;
        }

        flags |= rng.Chance(0.02) ? FileFlags.GenerativeAi : FileFlags.None;
        flags |= rng.Chance(0.005) ? FileFlags.Infant : FileFlags.None;
        flags |= rng.Chance(0.003) ? FileFlags.LiveStreaming : FileFlags.None;
        flags |= rng.Chance(0.002) ? FileFlags.PhysicalHarm : FileFlags.None;
        flags |= coerced && source == FileSource.New && rng.Chance(0.4) ? FileFlags.PossibleSelfProduction : FileFlags.None;

        var viewed = rng.NextDouble();
        var publicRoll = rng.NextDouble();
        var relevanceRoll = rng.NextDouble();
        return new FilePlan
        {
            FileId = rng.Hex(32),
            IsVideo = isVideo,
            Source = source,
            KnownIndex = knownIndex,
            NearKind = near,
            NearAmount = rng.Next(100),
            NewPicture = spec,
            Encoding = encoding,
            JpegQuality = quality,
            Extension = extension,
            OriginalFileName = rng.Chance(0.6) ? OriginalName(rng, uploaded, extension) : null,
            UploadedAt = uploaded,
            ViewedByEsp = viewed < 0.55 ? true : viewed < 0.85 ? false : null,
            ExifViewedByEsp = rng.Chance(0.3) ? rng.Chance(0.5) : null,
            PubliclyAvailable = publicRoll < 0.10 ? true : publicRoll < 0.6 ? false : null,
            Relevance = relevanceRoll < 0.6 ? "Reported" : relevanceRoll < 0.65 ? "Supplemental Reported" : null,
            Flags = flags,
            LegacyMemeElement = flags == FileFlags.PotentialMeme && rng.Chance(0.3),
            Classification = rng.Chance(0.4)
                ? source == FileSource.New ? rng.Weighted(Classes) : isVideo ? pool.Videos[knownIndex].Category : pool.Images[knownIndex].Category
                : null,
            WithSha1 = rng.Chance(0.3),
            WrongMd5 = rng.Chance(0.005),
            UploadIp = ips.Count > 0 && rng.Chance(0.4) ? rng.Pick(ips) with { EventName = "Upload", At = uploaded } : null,
        };
    }

    private static (ImageEncoding, int) EncodingFor(Random rng, KnownPool pool, FileSource source, bool isVideo, int knownIndex, NearDuplicateKind near)
    {
        if (isVideo)
        {
            return (ImageEncoding.Jpeg, 0);
        }

        if (source == FileSource.KnownExact)
        {
            return (pool.Images[knownIndex].Encoding, pool.Images[knownIndex].JpegQuality);
        }

        if (source == FileSource.NearDuplicate && near == NearDuplicateKind.Reencoded)
        {
            // Re-encoded copies are always JPEG at a quality other than the original's.
            var original = pool.Images[knownIndex];
            var q = rng.Next(40, 95);
            return (ImageEncoding.Jpeg, q == original.JpegQuality ? q + 1 : q);
        }

        return (rng.Chance(0.4) ? ImageEncoding.Png : ImageEncoding.Jpeg, rng.Next(60, 96));
    }

    private static string OriginalName(Random rng, DateTime at, string extension)
    {
        var stamp = at.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return rng.Next(4) switch
        {
            0 => $"IMG_{stamp}_{rng.Digits(6)}.{extension}",
            1 => extension == "mp4" ? $"VID-{stamp}-WA{rng.Digits(4)}.mp4" : $"IMG-{stamp}-WA{rng.Digits(4)}.{extension}",
            2 => $"{rng.Digits(8)}_{rng.Digits(15)}_n.{extension}",
            _ => $"photo_{rng.Next(1, 999)}.{extension}",
        };
    }
}
