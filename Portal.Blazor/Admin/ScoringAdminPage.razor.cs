using System.Globalization;
using Katalyst.Portal.Audit;
using Katalyst.Portal.Scoring;
using Katalyst.Referrals.Scoring;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Katalyst.Portal.Admin;

/// <summary>The scoring service's status, its models, and the supervisor's tier rules (read and replaced through the service).</summary>
public sealed partial class ScoringAdminPage
{
    private string? status;
    private Severity statusSeverity = Severity.Info;
    private ScoringServiceModels? models;
    private TierRulesInForce? rules;
    private List<RuleDraft> drafts = [];
    private string? saveMessage;
    private Severity saveSeverity = Severity.Success;

    [Inject]
    private ScoringConnection Connection { get; set; } = default!;

    [Inject]
    private AuditLog Audit { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        using var client = Connection.Connect();
        if (client is null)
        {
            (status, statusSeverity) = ("Scoring is off: Scoring:Server and Scoring:Addresses are empty, so imported referrals are not scored.", Severity.Warning);
            return;
        }

        try
        {
            models = await client.GetModelsAsync();
            Show(await client.GetRulesAsync());
            (status, statusSeverity) = ($"The scoring service at {client.Target} is answering.", Severity.Success);
        }
        catch (ScoringServiceException ex)
        {
            (status, statusSeverity) = (ex.Message, Severity.Error);
        }
    }

    private void Show(TierRulesInForce inForce)
    {
        rules = inForce;
        drafts = [.. inForce.Rules.Select(r => new RuleDraft { Name = r.Name, Signal = r.Signal, AtLeast = r.AtLeast, RaiseTo = r.RaiseTo, Reason = r.Reason })];
    }

    private void AddRule() => drafts.Add(new RuleDraft { Signal = rules?.Signals.FirstOrDefault()?.Name ?? "", AtLeast = 1, RaiseTo = 2 });

    private async Task SaveAsync()
    {
        using var client = Connection.Connect();
        if (client is null || rules is null)
        {
            return;
        }

        var who = (await AuthenticationState).User.Identity?.Name ?? "unknown";
        try
        {
            var saved = await client.ReplaceRulesAsync(
                [.. drafts.Select(d => new TierRuleText(d.Name.Trim(), d.Signal, d.AtLeast, d.RaiseTo, d.Reason.Trim()))], rules.Sha256, who);
            await Audit.RecordAsync(AuditActions.TierRulesChanged, "rules.json", $"{saved.Rules.Count} rules, SHA-256 {saved.Sha256} (was {rules.Sha256})");
            Show(saved);
            (saveMessage, saveSeverity) = (string.Create(CultureInfo.InvariantCulture, $"Saved: {saved.Rules.Count} rules are in force."), Severity.Success);
        }
        catch (ScoringServiceException ex)
        {
            (saveMessage, saveSeverity) = ($"Not saved: {ex.Message}", Severity.Error);
        }
    }

    private static string Figures(ScoringModel model) => string.Join(", ", model.Evaluation
        .Where(e => !e.Key.Contains('.', StringComparison.Ordinal))
        .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key} {e.Value:0.###}")));

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] + "…" : sha256;

    private sealed class RuleDraft
    {
        public string Name { get; set; } = "";

        public string Signal { get; set; } = "";

        public float AtLeast { get; set; }

        public int RaiseTo { get; set; }

        public string Reason { get; set; } = "";
    }
}
