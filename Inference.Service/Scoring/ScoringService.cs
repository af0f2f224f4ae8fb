using Grpc.Core;
using Katalyst.Protos.V1;

namespace Katalyst.Inference.Scoring;

/// <summary>The <c>katalyst.v1.Scoring</c> gRPC service: validate, delegate to the batcher, map.</summary>
public sealed class ScoringService(ScoreBatcher batcher, ScoringModels models) : Protos.V1.Scoring.ScoringBase
{
    /// <inheritdoc />
    public override Task<ScoreResult> Score(ScoreRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ScoreRequestValidation.Problem(request) is { } problem)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, problem));
        }

        return batcher.ScoreAsync(request, context.CancellationToken);
    }

    /// <inheritdoc />
    public override async Task ScoreStream(IAsyncStreamReader<ScoreRequest> requestStream, IServerStreamWriter<ScoreResult> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);

        // Requests are queued as they arrive, so they share batches with each other; results go back in order.
        var inFlight = System.Threading.Channels.Channel.CreateBounded<Task<ScoreResult>>(4096);
        var writing = Task.Run(async () =>
        {
            await foreach (var result in inFlight.Reader.ReadAllAsync(context.CancellationToken))
            {
                await responseStream.WriteAsync(await result, context.CancellationToken);
            }
        }, context.CancellationToken);

        try
        {
            await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
            {
                var problem = ScoreRequestValidation.Problem(request);
                var result = problem is null
                    ? batcher.ScoreAsync(request, context.CancellationToken)
                    : Task.FromResult(new ScoreResult { ReportId = request.ReportId, Error = problem });
                await inFlight.Writer.WriteAsync(result, context.CancellationToken);
            }
        }
        finally
        {
            inFlight.Writer.TryComplete();
        }

        await writing;
    }

    /// <inheritdoc />
    public override Task<GetModelsResponse> GetModels(GetModelsRequest request, ServerCallContext context)
    {
        var response = new GetModelsResponse { ExecutionProvider = models.ExecutionProvider.ToString() };
        foreach (var entry in models.Manifest.Models)
        {
            var info = new ModelInfo
            {
                Name = entry.Name,
                Version = entry.Version,
                TrainedAt = entry.TrainedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                Sha256 = entry.Sha256,
                TrainingCommand = entry.TrainingCommand,
            };
            foreach (var (figure, value) in entry.Evaluation)
            {
                info.Evaluation[figure] = value;
            }
            response.Models.Add(info);
        }

        return Task.FromResult(response);
    }
}
