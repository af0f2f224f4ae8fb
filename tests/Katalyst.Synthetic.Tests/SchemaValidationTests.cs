using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Katalyst.Synthetic.Tests;

[Collection(GeneratedBatchCollection.Name)]
public sealed class SchemaValidationTests(GeneratedBatch batch)
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(Path.Combine(SharedFolder.Spec, "ncmec-cybertipline-report.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        set.Add(null, reader);
        set.Compile();
        return set;
    });

    private static IEnumerable<string> Validate(string path, string expectedRoot)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, e) =>
            errors.Add($"{path}:{e.Exception.LineNumber}:{e.Exception.LinePosition}: {e.Severity}: {e.Message}");
        using var reader = XmlReader.Create(path, settings);
        reader.MoveToContent();
        if (reader.LocalName != expectedRoot)
        {
            errors.Add($"{path}:1: root is <{reader.LocalName}>, expected <{expectedRoot}>");
        }

        while (reader.Read())
        {
        }

        return errors;
    }

    [Fact]
    public void ReportXml_EveryPackage_ValidatesAgainstXsd()
    {
        var errors = batch.Packages.SelectMany(p => Validate(Path.Combine(p, "report.xml"), "report")).ToList();

        Assert.True(errors.Count == 0, $"{errors.Count} schema errors:\n" + string.Join("\n", errors.Take(50)));
    }

    [Fact]
    public void FileDetailsXml_EveryFile_ValidatesAgainstXsd()
    {
        var files = batch.Packages.SelectMany(p => Directory.GetFiles(Path.Combine(p, "files"), "*.xml")).ToList();
        var errors = files.SelectMany(f => Validate(f, "fileDetails")).ToList();

        Assert.True(files.Count > GeneratedBatch.Count, $"only {files.Count} fileDetails");
        Assert.True(errors.Count == 0, $"{errors.Count} schema errors:\n" + string.Join("\n", errors.Take(50)));
    }

    [Fact]
    public void FileDetails_ReportIdAndFileId_MatchManifestAndFileName()
    {
        foreach (var package in batch.Packages)
        {
            var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(package, "manifest.json")));
            var reportId = manifest.RootElement.GetProperty("reportId").GetInt64();
            Assert.Equal(Path.GetFileName(package), reportId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var file in Directory.GetFiles(Path.Combine(package, "files"), "*.xml"))
            {
                var doc = XDocument.Load(file);
                Assert.Equal(reportId, (long)doc.Root!.Element("reportId")!);
                Assert.Equal(Path.GetFileNameWithoutExtension(file), (string)doc.Root.Element("fileId")!);
            }
        }
    }
}
