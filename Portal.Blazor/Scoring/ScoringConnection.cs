using Katalyst.Referrals.Scoring;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Scoring;

/// <summary>Where the portal reaches the scoring service (<c>Scoring:Server</c>), for pages that talk to it.</summary>
public sealed class ScoringConnection(IOptions<PortalScoringOptions> options)
{
    /// <summary>The service's address; null when scoring is off (<c>Scoring:Server</c> empty).</summary>
    public Uri? Server => string.IsNullOrWhiteSpace(options.Value.Server) ? null : new Uri(options.Value.Server);

    /// <summary>A typed client for one page's work (dispose it); null when scoring is off.</summary>
    public ScoringClient? Connect() => Server is { } server ? new ScoringClient(server, options.Value.ApiKey) : null;
}
