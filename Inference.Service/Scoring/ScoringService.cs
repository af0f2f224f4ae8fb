using Grpc.Core;
using Katalyst.Protos.V1;
using Microsoft.Extensions.Options;

namespace Katalyst.Inference.Scoring;

/// <summary>The <c>katalyst.v1.Scoring</c> gRPC service: validate, delegate to the batcher, map.</summary>
public sealed class ScoringService(ScoreBatcher batcher, ModelListing listing, IOptions<ScoringOptions> options) : Protos.V1.Scoring.ScoringBase
{
    /// <inheritdoc />
    public override async Task<ScoreResult> Score(ScoreRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ScoreRequestValidation.Problem(request) is { } problem)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, problem));
        }

        try
        {
            return await batcher.ScoreAsync(request, context.CancellationToken);
        }
        catch (OperationCanceledException) when (DeadlinePassed(context))
        {
            throw DeadlineExceeded();
        }
    }

    /// <inheritdoc />
    public override async Task ScoreStream(IAsyncStreamReader<ScoreRequest> requestStream, IServerStreamWriter<ScoreResult> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await new StreamScoring(batcher, options.Value.MaxBatchSize).RunAsync(requestStream, responseStream, context.CancellationToken);
        }
        catch (OperationCanceledException) when (DeadlinePassed(context))
        {
            throw DeadlineExceeded();
        }
    }

    // The batcher drops a request whose call was cancelled; the caller must then read DEADLINE_EXCEEDED, not UNKNOWN
    // ("exception thrown by handler"), which is what gRPC sends when the handler's cancellation escapes first. A call
    // with a deadline can be cancelled just before the deadline by this service's clock: the client's own deadline
    // timer started when it sent the call, earlier than ours, and cancels the request first. Either way the caller's
    // deadline ended it (a caller that cancels for another reason reads its own Cancelled and never this status).
    private static bool DeadlinePassed(ServerCallContext context) =>
        context.Deadline != DateTime.MaxValue && (context.Deadline <= DateTime.UtcNow || context.CancellationToken.IsCancellationRequested);

    private static RpcException DeadlineExceeded() =>
        new(new Status(StatusCode.DeadlineExceeded, "The call's deadline passed before it was scored; its work was dropped."));

    /// <inheritdoc />
    public override Task<GetModelsResponse> GetModels(GetModelsRequest request, ServerCallContext context) => Task.FromResult(listing.Response());
}
