using System.Globalization;
using System.Text;
using Katalyst.Synthetic.Labels;
using Katalyst.Synthetic.Media;
using Katalyst.Synthetic.Referrals;

namespace Katalyst.Synthetic.Writing;

/// <summary>One package's ground truth, written once its chunk is done.</summary>
internal sealed record TruthRow(ReferralPlan Plan, int Tier, PackageResult Result);

/// <summary>
/// The CSV files beside the packages. Intake, scoring and linking never read them: they are the answers
/// (labels, true suspects, deliberately wrong hashes, where each file came from) and the known-hash list.
/// </summary>
internal sealed class TruthFiles : IDisposable
{
    public const string LabelsHeader = "reportId,tier,sextortion,grooming,meeting,production,contact_abuse,trafficking,self_harm_risk";

    private static readonly TextIndicators[] Columns =
    [
        TextIndicators.Sextortion, TextIndicators.Grooming, TextIndicators.Meeting, TextIndicators.Production,
        TextIndicators.ContactAbuse, TextIndicators.Trafficking, TextIndicators.SelfHarmRisk,
    ];

    private readonly string _dir;
    private readonly StreamWriter _labels;
    private readonly StreamWriter _subjects;
    private readonly StreamWriter _mismatches;
    private readonly StreamWriter _sources;

    public TruthFiles(string dir)
    {
        _dir = dir;
        _labels = Open("labels.csv", LabelsHeader);
        _subjects = Open("subjects.csv", "reportId,subjectId");
        _mismatches = Open("hash-mismatches.csv", "reportId,fileId");
        _sources = Open("file-sources.csv", "reportId,fileId,source,knownIndex,video,nearKind");
    }

    public int WriteKnownHashes(KnownPool pool)
    {
        using var known = Open("known-hashes.csv", "hashType,value,category");
        var rows = 0;
        foreach (var image in pool.Images)
        {
            known.Write($"MD5,{image.Md5},{image.Category}\nSHA1,{image.Sha1},{image.Category}\nPDQ,{image.Pdq},{image.Category}\n");
            rows += 3;
        }

        foreach (var video in pool.Videos)
        {
            known.Write($"MD5,{video.Md5},{video.Category}\nSHA1,{video.Sha1},{video.Category}\n");
            rows += 2;
        }

        return rows;
    }

    public void Append(TruthRow row)
    {
        var id = row.Plan.ReportId.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder(id).Append(',').Append(row.Tier.ToString(CultureInfo.InvariantCulture));
        foreach (var column in Columns)
        {
            sb.Append(row.Plan.Indicators.HasFlag(column) ? ",1" : ",0");
        }

        _labels.Write(sb.Append('\n').ToString());
        _subjects.Write($"{id},{row.Plan.SubjectId}\n");
        foreach (var fileId in row.Result.WrongMd5FileIds)
        {
            _mismatches.Write($"{id},{fileId}\n");
        }

        // Where each file came from: known-exact and near-duplicate files are the known pool's (knownIndex), new ones not.
        foreach (var file in row.Plan.Files)
        {
            var source = file.Source switch { FileSource.KnownExact => "known-exact", FileSource.NearDuplicate => "near-duplicate", _ => "new" };
            var index = file.Source == FileSource.New ? "" : file.KnownIndex.ToString(CultureInfo.InvariantCulture);
            var near = file.Source == FileSource.NearDuplicate ? file.NearKind.ToString().ToLowerInvariant() : "";
            _sources.Write($"{id},{file.FileId},{source},{index},{(file.IsVideo ? 1 : 0)},{near}\n");
        }
    }

    public void Dispose()
    {
        _labels.Dispose();
        _subjects.Dispose();
        _mismatches.Dispose();
        _sources.Dispose();
    }

    private StreamWriter Open(string name, string header)
    {
        var writer = new StreamWriter(Path.Combine(_dir, name), false, new UTF8Encoding(false));
        writer.Write(header + "\n");
        return writer;
    }
}
