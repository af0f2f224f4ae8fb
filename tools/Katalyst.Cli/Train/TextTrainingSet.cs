using System.Globalization;
using System.Text;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Manifest;
using Katalyst.Referrals.Intake.Packages;
using Katalyst.Referrals.Intake.Parsing;
using Katalyst.Referrals.Model;

namespace Katalyst.Cli.Train;

/// <summary>One referral's free texts and the text indicators its labels give it.</summary>
/// <param name="ReportId">The CyberTipline report number.</param>
/// <param name="Text">Every free text of the report, one per line (see <see cref="TextTrainingSet.FreeText"/>).</param>
/// <param name="Labels">One flag per indicator, in <see cref="TextTrainingSet.IndicatorColumns"/> order.</param>
public sealed record TextTrainingExample(long ReportId, string Text, bool[] Labels);

/// <summary>
/// Reads a generated batch (packages plus <c>labels.csv</c>, as <c>katalyst generate</c> writes them) into text
/// training examples, in the order of the packages. Any package that cannot be read, or that has no labels row,
/// stops the read with an error naming it: training on a silently partial set would misstate the figures.
/// </summary>
public static class TextTrainingSet
{
    /// <summary>The labels file beside the packages.</summary>
    public const string LabelsFile = "labels.csv";

    /// <summary>The indicator columns of <c>labels.csv</c>, in the model's output order.</summary>
    public static IReadOnlyList<string> IndicatorColumns { get; } =
    [
        "sextortion", "grooming", "meeting", "production", "contact_abuse", "trafficking", "self_harm_risk",
    ];

    /// <summary>Reads every package under <paramref name="batchFolder"/> with its labels.</summary>
    /// <exception cref="InvalidDataException">labels.csv or a package is missing, malformed or unlabelled.</exception>
    public static IReadOnlyList<TextTrainingExample> Read(string batchFolder, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batchFolder);
        var labelsPath = Path.Combine(batchFolder, LabelsFile);
        if (!File.Exists(labelsPath))
        {
            throw new InvalidDataException($"{labelsPath} does not exist: give a batch folder written by `katalyst generate`.");
        }

        var labels = ReadLabels(labelsPath);
        var texts = PackageSource.Enumerate(batchFolder)
            .AsParallel().AsOrdered().WithCancellation(ct)
            .Select(ReadPackage)
            .ToList();
        var missing = texts.FirstOrDefault(t => !labels.ContainsKey(t.ReportId));
        if (missing.Text is not null)
        {
            throw new InvalidDataException($"report {missing.ReportId} has no row in {labelsPath}.");
        }

        return [.. texts.Select(t => new TextTrainingExample(t.ReportId, t.Text, labels[t.ReportId]))];
    }

    /// <summary>
    /// A report's free texts joined by new lines: the ESP's escalation text, every internetDetails content and
    /// additionalInfo, the report's additionalInfo, then the profile bio and additionalInfo of each reported
    /// person, intended recipient and victim. Empty texts are left out.
    /// </summary>
    public static string FreeText(EspReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var parts = new List<string?> { report.IncidentSummary.EscalateToHighPriority };
        foreach (var detail in report.InternetDetails)
        {
            parts.Add(detail switch
            {
                ChatImIncident chat => chat.Content,
                EmailIncident email => email.Content,
                NewsgroupIncident news => news.Content,
                OnlineGamingIncident game => game.Content,
                _ => null,
            });
            parts.Add(detail.AdditionalInfo);
        }

        parts.Add(report.AdditionalInfo);
        foreach (var person in report.PersonsOrUsersReported)
        {
            parts.Add(person.Account.ProfileBio);
            parts.Add(person.AdditionalInfo);
        }

        foreach (var recipient in report.IntendedRecipients)
        {
            parts.Add(recipient.Account.ProfileBio);
            parts.AddRange(recipient.AdditionalInfo);
        }

        foreach (var victim in report.Victims)
        {
            parts.Add(victim.Account.ProfileBio);
            parts.Add(victim.AdditionalInfo);
        }

        return string.Join('\n', parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    internal static Dictionary<long, bool[]> ReadLabels(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = (reader.ReadLine() ?? "").Split(',');
        var columns = IndicatorColumns.Select(name => Array.IndexOf(header, name)).ToArray();
        var absent = IndicatorColumns.Where((_, k) => columns[k] < 0).ToList();
        if (header[0] != "reportId" || absent.Count > 0)
        {
            throw new InvalidDataException(
                $"{path}: the header must start with reportId and name {string.Join(", ", IndicatorColumns)} (missing: {string.Join(", ", absent.DefaultIfEmpty("reportId"))}).");
        }

        var labels = new Dictionary<long, bool[]>();
        var line = 1;
        for (var row = reader.ReadLine(); row is not null; row = reader.ReadLine())
        {
            line++;
            if (row.Length == 0)
            {
                continue;
            }

            var cells = row.Split(',');
            if (cells.Length != header.Length || !long.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw new InvalidDataException($"{path} line {line}: expected {header.Length} cells starting with a reportId, got \"{row}\".");
            }

            var flags = new bool[columns.Length];
            for (var k = 0; k < columns.Length; k++)
            {
                flags[k] = cells[columns[k]] switch
                {
                    "1" => true,
                    "0" => false,
                    var other => throw new InvalidDataException($"{path} line {line}: {IndicatorColumns[k]} must be 0 or 1 (was \"{other}\")."),
                };
            }

            if (!labels.TryAdd(id, flags))
            {
                throw new InvalidDataException($"{path} line {line}: reportId {id} appears twice.");
            }
        }

        return labels;
    }

    private static (long ReportId, string Text) ReadPackage(ReferralPackage package)
    {
        using (package)
        {
            try
            {
                var manifest = ManifestParser.Parse(ReadAll(package, PackageSource.ManifestName));
                using var xml = new MemoryStream(ReadAll(package, "report.xml"), writable: false);
                var report = ReportXmlParser.Parse(xml, $"{package.Name}/report.xml", ReportXmlParser.DefaultMaxCharacters);
                return (manifest.ReportId, FreeText(report));
            }
            catch (ReferralFormatException ex)
            {
                throw new InvalidDataException($"{package.Name} cannot be read for training: {ex.Message}", ex);
            }
        }
    }

    private static byte[] ReadAll(ReferralPackage package, string name)
    {
        var entry = package.Entries.FirstOrDefault(e => e.Path == name)
            ?? throw new InvalidDataException($"{package.Name} has no {name}.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
