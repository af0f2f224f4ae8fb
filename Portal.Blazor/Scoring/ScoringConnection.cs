using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Scoring.Balancing;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Scoring;

/// <summary>Where the portal reaches the scoring replicas (<c>Scoring:Server</c> or <c>Scoring:Addresses</c>), for pages that talk to them.</summary>
public sealed class ScoringConnection(IOptions<PortalScoringOptions> options)
{
    /// <summary>The replicas; null when scoring is off (<c>Scoring:Server</c> and <c>Scoring:Addresses</c> empty).</summary>
    public ScoringTarget? Target => options.Value.Target();

    /// <summary>A typed client for one page's work (dispose it); null when scoring is off.</summary>
    public ScoringClient? Connect() => Target is { } target ? new ScoringClient(target, options.Value.ApiKey, options.Value.ChannelOptions()) : null;
}
