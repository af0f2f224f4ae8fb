using Katalyst.Inference.Hosting;
using Katalyst.Inference.Info;

// The Katalyst inference service: gRPC over cleartext HTTP/2 on the port in appsettings.json
// (Kestrel:Endpoints:Grpc). Scoring rpcs join ServiceInfo here as they are built.
var builder = WebApplication.CreateBuilder(args);
builder.AddInference();

var app = builder.Build();

app.MapGrpcService<ServiceInfoService>();
app.MapGrpcHealthChecksService();
app.MapGrpcReflectionService();

app.Run();

/// <summary>The service's entry point; public so that tests can host it with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
