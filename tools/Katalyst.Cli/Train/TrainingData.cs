namespace Katalyst.Cli.Train;

/// <summary>The referrals to train on and those to report held-out figures on (never trained on).</summary>
internal sealed record TrainingData(IReadOnlyList<LabeledReferral> Train, IReadOnlyList<LabeledReferral> HeldOut, string HeldOutSource)
{
    /// <summary>Reads <c>--data</c>, and <c>--holdout</c> when given; without it one referral in five of the data is held out.</summary>
    public static async Task<TrainingData> ReadAsync(TrainArguments arguments, CancellationToken cancellationToken)
    {
        System.Console.Error.WriteLine($"Reading {arguments.Data} ...");
        var data = await LabeledBatch.ReadAsync(arguments.Data, null, cancellationToken);
        if (arguments.Holdout is { } holdout)
        {
            System.Console.Error.WriteLine($"Reading held-out {holdout} ...");
            return new TrainingData(data, await LabeledBatch.ReadAsync(holdout, null, cancellationToken), holdout);
        }

        return new TrainingData(
            data.Where(r => !IsHeldOut(r.Request.ReportId, arguments.Seed)).ToList(),
            data.Where(r => IsHeldOut(r.Request.ReportId, arguments.Seed)).ToList(),
            $"1 in 5 of {arguments.Data}");
    }

    /// <summary>A deterministic one-in-<paramref name="parts"/> split by report number.</summary>
    public static bool IsHeldOut(long reportId, int seed, int parts = 5) => (uint)HashCode.Combine(reportId, seed) % parts == 0;
}
