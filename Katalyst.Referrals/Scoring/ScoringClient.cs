using Grpc.Core;
using Grpc.Net.Client;
using Katalyst.Protos.V1;

namespace Katalyst.Referrals.Scoring;

/// <summary>One referral's outcome from the scoring service: its score, or why it has none.</summary>
public sealed record ScoringOutcome(long ReportId, ReferralScore? Score, string? Error);

/// <summary>
/// The typed client of the scoring service for the portal and the CLI: requests in, <see cref="ReferralScore"/>s out,
/// over one <c>ScoreStream</c> per call. Generated gRPC types stay inside this library.
/// </summary>
public sealed partial class ScoringClient : IDisposable
{
    private readonly GrpcChannel channel;
    private readonly Protos.V1.Scoring.ScoringClient client;
    private readonly TierRules.TierRulesClient rules;
    private readonly Protos.V1.Media.MediaClient media;

    /// <summary>Connects (lazily) to the service at <paramref name="address"/>, e.g. <c>http://127.0.0.1:5081</c>.</summary>
    public ScoringClient(Uri address)
        : this(address, apiKey: null, handler: null)
    {
    }

    /// <summary>Connects through <paramref name="handler"/> (an in-memory test server's, say) when one is given.</summary>
    public ScoringClient(Uri address, HttpMessageHandler? handler)
        : this(address, null, handler)
    {
    }

    /// <summary>
    /// Connects with a partner's API key (sent as <c>authorization: Bearer KEY</c>; none when null), through
    /// <paramref name="handler"/> when one is given.
    /// </summary>
    public ScoringClient(Uri address, string? apiKey, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        Address = address;
        channel = handler is null ? GrpcChannel.ForAddress(address) : GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });
        var invoker = channel.WithApiKey(apiKey);
        client = new Protos.V1.Scoring.ScoringClient(invoker);
        rules = new TierRules.TierRulesClient(invoker);
        media = new Protos.V1.Media.MediaClient(invoker);
    }

    /// <summary>The service's address.</summary>
    public Uri Address { get; }

    /// <summary>Scores the requests in order.</summary>
    /// <exception cref="RpcException">The service cannot be reached or failed.</exception>
    public Task<IReadOnlyList<ScoringOutcome>> ScoreAsync(IReadOnlyList<ScoreRequest> requests, CancellationToken cancellationToken = default) =>
        ScoreAsync(requests, deadline: null, cancellationToken);

    /// <summary>
    /// Scores the requests in order within <paramref name="deadline"/> (sent as the gRPC deadline: the service drops
    /// work whose caller stopped waiting; past it the call fails with <c>DEADLINE_EXCEEDED</c>).
    /// </summary>
    /// <exception cref="RpcException">The service cannot be reached, failed, or the deadline passed.</exception>
    public async Task<IReadOnlyList<ScoringOutcome>> ScoreAsync(IReadOnlyList<ScoreRequest> requests, TimeSpan? deadline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        using var call = client.ScoreStream(deadline: deadline is { } within ? DateTime.UtcNow + within : null, cancellationToken: cancellationToken);
        var reading = Task.Run(async () =>
        {
            var outcomes = new List<ScoringOutcome>(requests.Count);
            await foreach (var result in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                outcomes.Add(result.Error.Length > 0
                    ? new ScoringOutcome(result.ReportId, null, result.Error)
                    : new ScoringOutcome(result.ReportId, ReferralScore.From(result), null));
            }

            return outcomes;
        }, cancellationToken);
        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request, cancellationToken);
        }

        await call.RequestStream.CompleteAsync();
        return await reading;
    }

    /// <inheritdoc />
    public void Dispose() => channel.Dispose();
}
