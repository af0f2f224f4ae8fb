using Katalyst.Portal.Tests.Hosting;

namespace Katalyst.Portal.Tests.Admin;

/// <summary>A portal wired to the real scoring service, running in its own process over its own copy of the models.</summary>
public sealed class ScoringAdminPortalServer : PortalServer
{
    private readonly InferenceProcess service;

    /// <summary>Creates (but does not start) the service and the portal.</summary>
    public ScoringAdminPortalServer()
        : this(new InferenceProcess(ownModels: true))
    {
    }

    private ScoringAdminPortalServer(InferenceProcess service)
        : base(new Dictionary<string, string?> { ["Scoring:Server"] = service.Address, ["Scoring:ApiKey"] = service.ApiKey })
    {
        this.service = service;
    }

    /// <summary>The scoring service's models folder (its rules.json is the one the page edits).</summary>
    public string ModelsPath => service.ModelsPath;

    /// <inheritdoc />
    public override async ValueTask InitializeAsync()
    {
        await service.InitializeAsync();
        await base.InitializeAsync();
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await service.DisposeAsync();
    }
}
