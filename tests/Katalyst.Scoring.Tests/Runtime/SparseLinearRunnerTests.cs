using Katalyst.Scoring.Runtime;
using Katalyst.Scoring.Tests.Onnx;

namespace Katalyst.Scoring.Tests.Runtime;

public sealed class SparseLinearRunnerTests
{
    private const int Features = 500;
    private const int Outputs = 7;
    private readonly float[,] weights = LinearReference.RandomWeights(new Random(5), Features, Outputs);
    private readonly float[] bias = LinearReference.RandomVector(new Random(6), Outputs);

    [Fact]
    public void Run_Batch_MatchesPlainMath()
    {
        var (ids, values) = LinearReference.RandomRows(new Random(8), rows: 32, width: 10, Features, padding: 3);
        using var session = TestModels.OpenSparse(weights, bias);
        var runner = new SparseLinearRunner(session);

        var probabilities = runner.Run(ids, values, 32, 10);

        Assert.Equal(Outputs, runner.Outputs);
        var expected = LinearReference.SparseLogits(weights, bias, ids, values, 32, 10).Select(LinearReference.Sigmoid).ToArray();
        LinearReference.AssertClose(expected, probabilities);
    }

    [Fact]
    public void Run_BuffersLongerThanBatch_ReadsOnlyRowsTimesWidth()
    {
        var (ids, values) = LinearReference.RandomRows(new Random(9), rows: 4, width: 5, Features, padding: 0);
        using var session = TestModels.OpenSparse(weights, bias);
        var runner = new SparseLinearRunner(session);

        var probabilities = runner.Run([.. ids, 1, 2, 3], [.. values, 9f, 9f, 9f], 4, 5);

        LinearReference.AssertClose(LinearReference.SparseLogits(weights, bias, ids, values, 4, 5).Select(LinearReference.Sigmoid).ToArray(), probabilities);
    }

    [Fact]
    public void Run_ConcurrentThreads_GiveTheSameAnswers()
    {
        var batches = Enumerable.Range(0, 8).Select(seed => LinearReference.RandomRows(new Random(100 + seed), 20, 6, Features, 1)).ToArray();
        using var session = TestModels.OpenSparse(weights, bias);
        var runner = new SparseLinearRunner(session);
        var expected = batches.Select(batch => runner.Run(batch.Ids, batch.Values, 20, 6)).ToArray();

        var results = new float[batches.Length * 25][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = runner.Run(batches[i % batches.Length].Ids, batches[i % batches.Length].Values, 20, 6));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % batches.Length], results[i]);
        }
    }

    [Fact]
    public void Run_ZeroRows_ReturnsEmpty()
    {
        using var session = TestModels.OpenSparse(weights, bias);

        Assert.Empty(new SparseLinearRunner(session).Run([], [], 0, 4));
    }

    [Fact]
    public void Run_NegativeId_ThrowsNamingIt()
    {
        using var session = TestModels.OpenSparse(weights, bias);

        var error = Assert.Throws<ArgumentException>(() => new SparseLinearRunner(session).Run([1, -3], [1f, 1f], 1, 2));

        Assert.Contains("ids[1] is -3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_IdBeyondTable_FailsNamingTheModel()
    {
        using var session = TestModels.OpenSparse(weights, bias);

        var error = Assert.Throws<InvalidOperationException>(() => new SparseLinearRunner(session).Run([Features], [1f], 1, 1));

        Assert.Contains("sparse-test", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ValuesShorterThanBatch_ThrowsNamingValues()
    {
        using var session = TestModels.OpenSparse(weights, bias);

        var error = Assert.Throws<ArgumentException>(() => new SparseLinearRunner(session).Run(new long[6], new float[5], 2, 3));

        Assert.Equal("values", error.ParamName);
    }

    [Fact]
    public void Constructor_DenseModel_FailsNamingTheMissingInput()
    {
        using var session = TestModels.OpenDense([1f, 2f], 0f);

        var error = Assert.Throws<InvalidDataException>(() => new SparseLinearRunner(session));

        Assert.Contains("'feature_ids'", error.Message, StringComparison.Ordinal);
    }
}
