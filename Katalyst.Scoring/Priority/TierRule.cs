using System.Text.Json;

namespace Katalyst.Scoring.Priority;

/// <summary>
/// A supervisor's rule: when a signal reaches a value, the tier is raised (never lowered) to at least
/// <see cref="RaiseTo"/>, with a stated reason. The model's own tier is always reported beside it.
/// </summary>
/// <param name="Name">Short name, e.g. <c>esp-escalation</c>.</param>
/// <param name="Signal">A priority signal name (see <see cref="PrioritySignals.All"/>).</param>
/// <param name="AtLeast">The signal value from which the rule applies.</param>
/// <param name="RaiseTo">The tier (1–5) the referral is raised to.</param>
/// <param name="Reason">The sentence an investigator reads.</param>
public sealed record TierRule(string Name, string Signal, float AtLeast, int RaiseTo, string Reason);

/// <summary><c>rules.json</c>: the supervisor-editable rule layer, validated when loaded.</summary>
public sealed record TierRuleSet(IReadOnlyList<TierRule> Rules)
{
    /// <summary>The rules file's name, in the models folder.</summary>
    public const string FileName = "rules.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Reads and checks the rules; a bad rule fails with its index, field and reason.</summary>
    public static TierRuleSet Read(string path) => ReadWithBytes(path).Rules;

    /// <summary>Reads and checks the rules as <see cref="Read"/> does, and returns the bytes read (to fingerprint them).</summary>
    public static (TierRuleSet Rules, byte[] Bytes) ReadWithBytes(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path} is missing: the rule layer needs a rules file (it may hold an empty list).");
        }

        var bytes = File.ReadAllBytes(path);
        return (Parse(System.Text.Encoding.UTF8.GetString(bytes), path), bytes);
    }

    /// <summary>Parses and checks rules written as <c>rules.json</c> is; <paramref name="source"/> names them in errors.</summary>
    public static TierRuleSet Parse(string json, string source)
    {
        TierRuleSet set;
        try
        {
            set = JsonSerializer.Deserialize<TierRuleSet>(json, Json) ?? throw new InvalidDataException($"{source} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source} is not valid JSON: {ex.Message}", ex);
        }

        if (set.Rules is null)
        {
            throw new InvalidDataException($"{source} has no \"rules\" list (it may be empty).");
        }

        if (set.Problem() is { } problem)
        {
            throw new InvalidDataException($"{source}: {problem}.");
        }

        return set;
    }

    /// <summary>The first thing wrong with these rules, as <c>rules[i].field …</c>; null when they are all sound.</summary>
    public string? Problem()
    {
        var names = PrioritySignals.All.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            var problem = string.IsNullOrWhiteSpace(rule.Name) ? "name is empty"
                : !seen.Add(rule.Name) ? $"name '{rule.Name}' is used by an earlier rule"
                : !names.Contains(rule.Signal ?? "") ? $"signal '{rule.Signal}' is not a priority signal"
                : !float.IsFinite(rule.AtLeast) ? "atLeast is not a number"
                : rule.RaiseTo is < 1 or > 5 ? $"raiseTo {rule.RaiseTo} is not a tier from 1 to 5"
                : string.IsNullOrWhiteSpace(rule.Reason) ? "reason is empty: every rule states why"
                : null;
            if (problem is not null)
            {
                var field = problem.Split(' ')[0];
                return $"rules[{i}].{field} {problem[(field.Length + 1)..]}";
            }
        }

        return null;
    }

    /// <summary>The rules as <c>rules.json</c> holds them.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Applies every matching rule to the model's tier; returns the final tier and the reasons of the rules that raised it.</summary>
    public (int Tier, IReadOnlyList<string> Applied) Apply(int modelTier, ReadOnlySpan<float> signals)
    {
        var tier = modelTier;
        var applied = new List<string>();
        foreach (var rule in Rules)
        {
            var index = SignalIndex(rule.Signal);
            if (signals[index] >= rule.AtLeast && rule.RaiseTo < tier)
            {
                tier = rule.RaiseTo;
                applied.Add($"{rule.Name}: {rule.Reason}");
            }
        }

        return (tier, applied);
    }

    private static int SignalIndex(string name)
    {
        for (var i = 0; i < PrioritySignals.All.Count; i++)
        {
            if (PrioritySignals.All[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"unknown signal {name}");
    }
}
