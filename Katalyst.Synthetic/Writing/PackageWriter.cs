using System.Globalization;
using Katalyst.Synthetic.Media;
using Katalyst.Synthetic.Referrals;

namespace Katalyst.Synthetic.Writing;

/// <summary>What writing one package produced, for the batch's CSV files and summary.</summary>
internal sealed record PackageResult(int FileDetails, int MediaFiles, IReadOnlyList<string> WrongMd5FileIds);

/// <summary>Writes one package folder: manifest.json, report.xml, files/&lt;fileId&gt;.xml and, with media, the bytes.</summary>
internal static class PackageWriter
{
    public static PackageResult Write(string batchDirectory, ReferralPlan plan, KnownPool pool, int seed, bool media)
    {
        var root = Path.Combine(batchDirectory, plan.ReportId.ToString(CultureInfo.InvariantCulture));
        var files = Path.Combine(root, "files");
        Directory.CreateDirectory(files);
        File.WriteAllBytes(Path.Combine(root, "manifest.json"), ManifestJson.Render(plan));
        File.WriteAllBytes(Path.Combine(root, "report.xml"), ReportXml.Render(plan));

        var written = 0;
        var wrong = new List<string>();
        foreach (var file in plan.Files)
        {
            var content = FileContent.Resolve(file, pool, seed, media);
            File.WriteAllBytes(Path.Combine(files, file.FileId + ".xml"), FileDetailsXml.Render(plan.ReportId, file, content));
            if (file.WrongMd5 && content.Md5 is not null)
            {
                wrong.Add(file.FileId);
            }

            // Videos have no bytes: there is no video encoder, and NCMEC does not always forward files anyway.
            if (media && content.Bytes is not null)
            {
                File.WriteAllBytes(Path.Combine(files, $"{file.FileId}.{file.Extension}"), content.Bytes);
                written++;
            }
        }

        return new PackageResult(plan.Files.Count, written, wrong);
    }
}
