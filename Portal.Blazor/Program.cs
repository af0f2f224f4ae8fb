using Katalyst.Portal.Access;
using Katalyst.Portal.Components;
using Katalyst.Portal.Evidence;
using Katalyst.Portal.Hosting;
using Katalyst.Telemetry;

// The investigators' portal: Blazor Server (interactive server rendering) over the referral store.
// The URL is in appsettings.json (Urls); the store in section Store.
var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();
builder.AddKatalystTelemetry("katalyst-portal");

var app = builder.Build();

app.UsePortalAccess();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapPortalAccess();
app.MapEvidenceMedia();
app.MapKatalystOperations();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();

/// <summary>The portal's entry point; public so that tests can host it with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
