using Katalyst.Scoring.Onnx;
using Katalyst.Scoring.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Katalyst.Scoring.Tests.Runtime;

public sealed class OnnxModelSessionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("katalyst-onnx-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void FromBytes_AutoWithoutCuda_UsesCpuAndLogsIt()
    {
        SkipWhenCudaIsAvailable();
        var logger = new CollectingLogger();

        using var session = OnnxModelSession.FromBytes(DenseModel(), "dense", new ExecutionProviderOptions(), logger);

        Assert.Equal(ExecutionProviderKind.Cpu, session.ExecutionProvider);
        var ready = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, ready.Level);
        Assert.Contains("dense runs on Cpu (requested Auto)", ready.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBytes_CudaWithoutCuda_WarnsAndUsesCpu()
    {
        SkipWhenCudaIsAvailable();
        var logger = new CollectingLogger();

        using var session = OnnxModelSession.FromBytes(
            DenseModel(), "dense", new ExecutionProviderOptions { Provider = ExecutionProviderKind.Cuda }, logger);

        Assert.Equal(ExecutionProviderKind.Cpu, session.ExecutionProvider);
        Assert.Contains(logger.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("CUDA was requested", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, entry => entry.Message.Contains("runs on Cpu (requested Cuda)", StringComparison.Ordinal));
    }

    [Fact]
    public void FromFile_WrittenModel_LoadsWithMetadata()
    {
        var path = Path.Combine(folder, "dense.onnx");
        File.WriteAllBytes(path, DenseModel());

        using var session = OnnxModelSession.FromFile(path, TestModels.Cpu, new CollectingLogger());

        Assert.Equal(path, session.Name);
        Assert.Equal("1.2.3", session.Metadata["version"]);
        Assert.Equal(TestModels.Metadata, session.Metadata);
    }

    [Fact]
    public void FromFile_CorruptFile_FailsNamingTheFile()
    {
        var path = Path.Combine(folder, "corrupt.onnx");
        var bytes = DenseModel();
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray().Concat(new byte[] { 0xFF, 0xFF, 0xFF }).ToArray());

        var error = Assert.Throws<InvalidDataException>(() => OnnxModelSession.FromFile(path, TestModels.Cpu, new CollectingLogger()));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.IsType<OnnxRuntimeException>(error.InnerException);
    }

    [Fact]
    public void FromFile_MissingFile_FailsNamingTheFile()
    {
        var path = Path.Combine(folder, "absent.onnx");

        var error = Assert.Throws<FileNotFoundException>(() => OnnxModelSession.FromFile(path, TestModels.Cpu, new CollectingLogger()));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBytes_Empty_FailsNamingTheModel()
    {
        var error = Assert.Throws<InvalidDataException>(() => OnnxModelSession.FromBytes([], "priority", TestModels.Cpu, new CollectingLogger()));

        Assert.Contains("priority", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AfterDispose_ThrowsObjectDisposed()
    {
        var session = OnnxModelSession.FromBytes(DenseModel(), "dense", TestModels.Cpu, new CollectingLogger());
        session.Dispose();
        using var input = OrtValue.CreateTensorValueFromMemory(new float[2], [1, 2]);

        Assert.Throws<ObjectDisposedException>(() => session.Run([DenseLinearModel.SignalsInput], [input], [DenseLinearModel.LinearOutput]));
    }

    private static byte[] DenseModel() => DenseLinearModel.Build([0.5f, -1f], 0.1f, "dense", TestModels.Metadata);

    private static void SkipWhenCudaIsAvailable()
    {
        if (OrtEnv.Instance().GetAvailableProviders().Contains("CUDAExecutionProvider"))
        {
            Assert.Skip("This ONNX Runtime build offers CUDA, so the fallback to CPU cannot be observed here.");
        }
    }
}
