using System.Globalization;
using Grpc.Core;
using Katalyst.Protos.V1;

namespace Katalyst.Inference.Info;

/// <summary>Answers <c>katalyst.v1.ServiceInfo</c>: which build and runtime serve this endpoint.</summary>
public sealed class ServiceInfoService(InstanceFacts facts) : ServiceInfo.ServiceInfoBase
{
    /// <inheritdoc />
    public override Task<GetInfoResponse> GetInfo(GetInfoRequest request, ServerCallContext context) =>
        Task.FromResult(new GetInfoResponse
        {
            Service = InstanceFacts.ServiceName,
            Version = facts.Version,
            Runtime = facts.Runtime,
            Os = facts.OperatingSystem,
            StartedAt = facts.StartedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        });
}
