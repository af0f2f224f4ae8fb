using System.Globalization;
using Grpc.Core;
using Katalyst.Protos.V1;
using Katalyst.Scoring.Priority;
using ModelRule = Katalyst.Scoring.Priority.TierRule;
using ModelRuleSet = Katalyst.Scoring.Priority.TierRuleSet;

namespace Katalyst.Inference.Rules;

/// <summary>The <c>katalyst.v1.TierRules</c> gRPC service: validate, delegate to <see cref="TierRulesFile"/>, map.</summary>
public sealed class TierRulesService(TierRulesFile file) : TierRules.TierRulesBase
{
    /// <inheritdoc />
    public override Task<Protos.V1.TierRuleSet> GetRules(GetTierRulesRequest request, ServerCallContext context) => Task.FromResult(Map(file.Current));

    /// <inheritdoc />
    public override Task<Protos.V1.TierRuleSet> ReplaceRules(ReplaceTierRulesRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.ExpectedSha256))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "expected_sha256 is required: read the rules first and pass their sha256"));
        }

        if (string.IsNullOrWhiteSpace(request.ChangedBy))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "changed_by is required: who is changing the rules"));
        }

        var rules = new ModelRuleSet([.. request.Rules.Select(r => new ModelRule(r.Name, r.Signal, r.AtLeast, r.RaiseTo, r.Reason))]);
        try
        {
            return Task.FromResult(Map(file.Replace(rules, request.ExpectedSha256, request.ChangedBy)));
        }
        catch (InvalidDataException ex)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, ex.Message));
        }
        catch (StaleTierRulesException ex)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, ex.Message));
        }
    }

    private static Protos.V1.TierRuleSet Map(LoadedTierRules loaded)
    {
        var set = new Protos.V1.TierRuleSet
        {
            Sha256 = loaded.Sha256,
            LoadedAt = loaded.LoadedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        set.Rules.AddRange(loaded.Rules.Rules.Select(r => new Protos.V1.TierRule { Name = r.Name, Signal = r.Signal, AtLeast = r.AtLeast, RaiseTo = r.RaiseTo, Reason = r.Reason }));
        set.Signals.AddRange(PrioritySignals.All.Select(s => new PrioritySignal { Name = s.Name, Description = s.Description }));
        return set;
    }
}
