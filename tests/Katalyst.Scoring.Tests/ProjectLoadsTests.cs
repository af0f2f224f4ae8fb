using Microsoft.ML.OnnxRuntime;

namespace Katalyst.Scoring.Tests;

public sealed class OnnxRuntimeTests
{
    [Fact]
    public void AvailableProviders_Always_IncludeCpu()
    {
        Assert.Contains("CPUExecutionProvider", OrtEnv.Instance().GetAvailableProviders());
    }
}
