using System.Security.Cryptography;
using System.Xml.Linq;
using Katalyst.Synthetic.Media;
using Katalyst.Synthetic.Referrals;
using StbImageSharp;

namespace Katalyst.Synthetic.Tests;

[Collection(GeneratedBatchCollection.Name)]
public sealed class MediaTests(GeneratedBatch batch)
{
    private static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    private IEnumerable<(string Path, XElement Details)> MediaFiles() =>
        batch.Packages.SelectMany(p => Directory.GetFiles(Path.Combine(p, "files"))
            .Where(f => !f.EndsWith(".xml", StringComparison.Ordinal))
            .Select(f => (f, XDocument.Load(Path.ChangeExtension(f, ".xml")).Root!)));

    [Fact]
    public void MediaFiles_DecodeAndCarryTheStatedMd5()
    {
        var checkedFiles = 0;
        var wrong = new List<string>();
        var withBytes = new HashSet<string>();
        foreach (var (path, details) in MediaFiles())
        {
            var bytes = File.ReadAllBytes(path);
            var image = ImageResult.FromMemory(bytes, ColorComponents.RedGreenBlue);
            Assert.InRange(image.Width, 16, 512);
            Assert.InRange(image.Height, 16, 512);
            var stated = details.Elements("originalFileHash").Single(h => h.Attribute("hashType")!.Value == "MD5").Value;
            if (stated != Md5(bytes))
            {
                wrong.Add(details.Element("fileId")!.Value);
            }

            withBytes.Add(details.Element("fileId")!.Value);
            checkedFiles++;
        }

        Assert.Equal(batch.Summary.MediaFiles, checkedFiles);
        // hash-mismatches.csv also lists videos and other files whose bytes are not written.
        Assert.Equal(batch.Mismatches.Where(withBytes.Contains).Order(), wrong.Order());
        Assert.Equal(batch.Summary.DeliberateHashMismatches, batch.Mismatches.Count);
        Assert.InRange(wrong.Count, 1, checkedFiles / 50);
    }

    [Fact]
    public void MediaFiles_ArePngAndJpegByExtension()
    {
        var extensions = MediaFiles().Select(f => Path.GetExtension(f.Path)).ToHashSet();

        Assert.Equal(new[] { ".jpg", ".png" }, extensions.Order());
        Assert.All(MediaFiles().Take(300), f =>
        {
            var head = File.ReadAllBytes(f.Path).AsSpan(0, 2).ToArray();
            Assert.Equal(Path.GetExtension(f.Path) == ".png" ? new byte[] { 0x89, 0x50 } : new byte[] { 0xFF, 0xD8 }, head);
        });
    }

    [Fact]
    public void KnownHashes_MatchPoolPictureBytes()
    {
        var pool = KnownPool.Build(GeneratedBatch.Seed, TestContext.Current.CancellationToken);
        var rows = batch.Csv("known-hashes.csv").ToList();
        var expected = pool.Images.SelectMany(i => new[] { ("MD5", i.Md5), ("SHA1", i.Sha1), ("PDQ", i.Pdq) })
            .Concat(pool.Videos.SelectMany(v => new[] { ("MD5", v.Md5), ("SHA1", v.Sha1) })).ToList();

        Assert.Equal(expected, rows.Select(r => (r[0], r[1])));
        Assert.All(pool.Images, i =>
        {
            Assert.Equal(Md5(i.Bytes), i.Md5);
            Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(i.Bytes)), i.Sha1);
        });
        Assert.All(rows.Where(r => r[0] == "PDQ"), r => Assert.Matches("^[0-9a-f]{64}$", r[1]));
        Assert.True(pool.Images.Select(i => i.Pdq).Distinct().Count() > KnownPool.ImageCount * 9 / 10, "the pool's pictures should have distinct PDQ hashes");
    }

    [Fact]
    public void NearDuplicates_ExactHashesAreNotKnown_AndOriginalsAreUsed()
    {
        var pool = KnownPool.Build(GeneratedBatch.Seed, TestContext.Current.CancellationToken);
        var planner = ReferralGenerator.Planner(GeneratedBatch.Seed, GeneratedBatch.Count, pool);
        var near = 0;
        var exact = 0;
        for (var i = 0; i < 400; i++)
        {
            var plan = planner.Plan(i);
            foreach (var file in plan.Files.Where(f => !f.IsVideo && f.Source != FileSource.New))
            {
                var path = Path.Combine(batch.Directory, plan.ReportId.ToString(), "files", $"{file.FileId}.{file.Extension}");
                var md5 = Md5(File.ReadAllBytes(path));
                if (file.Source == FileSource.NearDuplicate)
                {
                    Assert.DoesNotContain(md5, batch.KnownHashes);
                    near++;
                }
                else
                {
                    Assert.Contains(md5, batch.KnownHashes);
                    exact++;
                }
            }
        }

        Assert.True(near > 20 && exact > near, $"near {near}, exact {exact}");
    }
}
