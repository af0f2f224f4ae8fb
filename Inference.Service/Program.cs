using Katalyst.Inference.HashSets;
using Katalyst.Inference.Hosting;
using Katalyst.Inference.Info;
using Katalyst.Inference.Partners;
using Katalyst.Inference.Media;
using Katalyst.Inference.Rules;
using Katalyst.Inference.Scoring;
using Katalyst.Telemetry;

// The Katalyst inference service: gRPC over cleartext HTTP/2 on the port in appsettings.json
// (Kestrel:Endpoints:Grpc). Scoring (katalyst.v1.Scoring) runs the models in models/; HashSets (katalyst.v1.HashSets)
// matches hashes against the known-hash sets in HashSets:Path; Media (katalyst.v1.Media) hashes and matches one file's bytes.
// Only partners in Partners:Path get in (Partners/). Health (/health/live, /health/ready) and metrics (/metrics) answer
// over HTTP/1.1 on Kestrel:Endpoints:Operations (Katalyst.Telemetry).
var builder = WebApplication.CreateBuilder(args);
builder.AddInference();
builder.AddScoring();
builder.AddHashSets();
builder.AddPartners();
builder.AddMediaAnalysis();
builder.AddKatalystTelemetry("katalyst-inference");

var app = builder.Build();

app.MapGrpcService<ServiceInfoService>();
app.MapGrpcService<ScoringService>();
app.MapGrpcService<TierRulesService>();
app.MapGrpcService<HashSetsService>();
app.MapGrpcService<MediaService>();
app.MapGrpcHealthChecksService();
app.MapGrpcReflectionService();
app.MapKatalystOperations();

app.Run();

/// <summary>The service's entry point; public so that tests can host it with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
