using Katalyst.Scoring.Runtime;
using Katalyst.Scoring.Tests.Onnx;

namespace Katalyst.Scoring.Tests.Runtime;

public sealed class DenseLinearRunnerTests
{
    private const int Signals = 12;
    private readonly float[] weights = LinearReference.RandomVector(new Random(21), Signals);

    [Fact]
    public void Run_Batch_MatchesPlainMath()
    {
        var signals = LinearReference.RandomVector(new Random(22), 40 * Signals);
        using var session = TestModels.OpenDense(weights, -0.75f);
        var runner = new DenseLinearRunner(session);

        var (contributions, linear) = runner.Run(signals, 40, Signals);

        var expectedContributions = signals.Select((value, i) => (double)value * weights[i % Signals]).ToArray();
        var expectedLinear = Enumerable.Range(0, 40).Select(n => expectedContributions.Skip(n * Signals).Take(Signals).Sum() - 0.75).ToArray();
        LinearReference.AssertClose(expectedContributions, contributions);
        LinearReference.AssertClose(expectedLinear, linear);
    }

    [Fact]
    public void Run_ConcurrentThreads_GiveTheSameAnswers()
    {
        var signals = LinearReference.RandomVector(new Random(23), 16 * Signals);
        using var session = TestModels.OpenDense(weights, 0.5f);
        var runner = new DenseLinearRunner(session);
        var expected = runner.Run(signals, 16, Signals);

        var results = new (float[] Contributions, float[] Linear)[200];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = runner.Run(signals, 16, Signals));

        Assert.All(results, result =>
        {
            Assert.Equal(expected.Contributions, result.Contributions);
            Assert.Equal(expected.Linear, result.Linear);
        });
    }

    [Fact]
    public void Run_WidthDiffersFromModel_ThrowsNamingBoth()
    {
        using var session = TestModels.OpenDense(weights, 0f);

        var error = Assert.Throws<ArgumentException>(() => new DenseLinearRunner(session).Run(new float[11], 1, 11));

        Assert.Contains("expects 12 signals", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ZeroRows_ReturnsEmpty()
    {
        using var session = TestModels.OpenDense(weights, 0f);

        var (contributions, linear) = new DenseLinearRunner(session).Run([], 0, Signals);

        Assert.Empty(contributions);
        Assert.Empty(linear);
    }
}
