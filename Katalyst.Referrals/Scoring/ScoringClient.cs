using Grpc.Core;
using Grpc.Net.Client;
using Katalyst.Protos.V1;
using Katalyst.Referrals.Scoring.Balancing;

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
    private readonly TimeSpan callTimeout = ScoringChannelOptions.Default.CallTimeout;

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
        Target = address.ToString();
        channel = handler is null
            ? ScoringChannel.Create(ScoringTarget.Parse([address.ToString()], "address"))
            : GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });
        (client, rules, media) = Clients(channel, apiKey);
    }

    /// <summary>
    /// Connects to every replica of <paramref name="target"/> through gRPC client-side load balancing (round robin, retries
    /// on UNAVAILABLE, a deadline on every call: <paramref name="options"/>), sending the partner's API key with every call
    /// to whichever replica takes it; none when null.
    /// </summary>
    public ScoringClient(ScoringTarget target, string? apiKey, ScoringChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        options ??= ScoringChannelOptions.Default;
        Address = target.Addresses.Count > 0 ? target.Addresses[0] : new Uri("http://" + target.DnsHostAndPort);
        Target = target.ToString();
        callTimeout = options.CallTimeout;
        channel = ScoringChannel.Create(target, options);
        (client, rules, media) = Clients(channel, apiKey);
    }

    /// <summary>The service's address (the first replica's, or the DNS name's, when there are several).</summary>
    public Uri Address { get; }

    /// <summary>Every replica as configured: the addresses comma-separated, or the <c>dns:///</c> name.</summary>
    public string Target { get; }

    /// <summary>
    /// Scores the requests; one outcome per request. When the replica answering dies part-way (UNAVAILABLE after some
    /// answers came back, so gRPC's own retry may no longer replay the call), the requests still unanswered go again on a
    /// new call, which the balancer sends to a live replica. A referral may so be scored twice, by two replicas: the model is
    /// deterministic, so both answers are the same, and only one comes back.
    /// </summary>
    /// <exception cref="RpcException">The service cannot be reached (UNAVAILABLE once gRPC's retries are spent), the deadline passed, or it failed.</exception>
    public Task<IReadOnlyList<ScoringOutcome>> ScoreAsync(IReadOnlyList<ScoreRequest> requests, CancellationToken cancellationToken = default) =>
        ScoreAsync(requests, deadline: null, cancellationToken);

    /// <summary>
    /// As <see cref="ScoreAsync(IReadOnlyList{ScoreRequest}, CancellationToken)"/>, each call within <paramref name="deadline"/>
    /// (default: the configured call timeout), sent as the gRPC deadline: the service drops work whose caller stopped
    /// waiting; past it the call fails with <c>DEADLINE_EXCEEDED</c>.
    /// </summary>
    /// <exception cref="RpcException">The service cannot be reached, failed, or the deadline passed.</exception>
    public async Task<IReadOnlyList<ScoringOutcome>> ScoreAsync(IReadOnlyList<ScoreRequest> requests, TimeSpan? deadline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var outcomes = new List<ScoringOutcome>(requests.Count);
        var pending = requests;
        while (true)
        {
            var (received, failure) = await StreamOnceAsync(pending, deadline, cancellationToken);
            outcomes.AddRange(received);
            if (failure is null)
            {
                return outcomes;
            }

            if (failure.StatusCode != StatusCode.Unavailable || received.Count == 0)
            {
                throw failure; // no progress: gRPC's retry budget is spent, or the failure is not a replica going away
            }

            var answered = received.Select(o => o.ReportId).ToHashSet();
            pending = [.. pending.Where(r => !answered.Contains(r.ReportId))];
        }
    }

    private async Task<(List<ScoringOutcome> Received, RpcException? Failure)> StreamOnceAsync(IReadOnlyList<ScoreRequest> requests, TimeSpan? deadline, CancellationToken cancellationToken)
    {
        using var call = client.ScoreStream(CallOptions(cancellationToken, deadline));
        var received = new List<ScoringOutcome>(requests.Count);
        var reading = Task.Run(async () =>
        {
            await foreach (var result in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                received.Add(result.Error.Length > 0
                    ? new ScoringOutcome(result.ReportId, null, result.Error)
                    : new ScoringOutcome(result.ReportId, ReferralScore.From(result), null));
            }
        }, cancellationToken);
        try
        {
            foreach (var request in requests)
            {
                await call.RequestStream.WriteAsync(request, cancellationToken);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // The call ended while requests were still going out; the reader below reports its status.
        }

        try
        {
            await reading;
            return (received, null);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (received, ex);
        }
    }

    // Every call carries a deadline: a replica that hangs fails the call instead of holding the caller for ever.
    private CallOptions CallOptions(CancellationToken cancellationToken, TimeSpan? within = null) => new(deadline: DateTime.UtcNow.Add(within ?? callTimeout), cancellationToken: cancellationToken);

    private static (Protos.V1.Scoring.ScoringClient, TierRules.TierRulesClient, Protos.V1.Media.MediaClient) Clients(GrpcChannel channel, string? apiKey)
    {
        var invoker = channel.WithApiKey(apiKey);
        return (new Protos.V1.Scoring.ScoringClient(invoker), new TierRules.TierRulesClient(invoker), new Protos.V1.Media.MediaClient(invoker));
    }

    /// <inheritdoc />
    public void Dispose() => channel.Dispose();
}
