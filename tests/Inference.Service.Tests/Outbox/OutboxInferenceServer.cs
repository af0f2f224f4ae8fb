using System.Collections.Concurrent;
using System.Net.Sockets;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Katalyst.Protos.V1;
using Katalyst.Referrals.Scoring;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Katalyst.Inference.Tests.Outbox;

/// <summary>
/// The inference service in process over a real channel, counting every referral that reaches <c>ScoreStream</c>, with
/// two faults a test can switch on: the network refuses connections (<see cref="Down"/>: the service is down), and the
/// service holds each stream for <see cref="Stall"/> before scoring (a slow or blocked batch).
/// </summary>
public sealed class OutboxInferenceServer : IDisposable
{
    private readonly WebApplicationFactory<Program> factory;
    private readonly OutageHandler outage;

    public OutboxInferenceServer()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton(Received);
            services.AddSingleton<ReceivedCounter>();
            services.Configure<GrpcServiceOptions>(grpc => grpc.Interceptors.Add<ReceivedCounter>());
        }));
        outage = new OutageHandler { InnerHandler = factory.Server.CreateHandler() };
    }

    /// <summary>How many times each report number reached the service.</summary>
    public Received Received { get; } = new();

    /// <summary>While true, connections are refused as by a stopped service.</summary>
    public bool Down { get => outage.Down; set => outage.Down = value; }

    /// <summary>While set, the service waits this long (or until the call is cancelled) before reading a stream.</summary>
    public TimeSpan? Stall { get => Received.Stall; set => Received.Stall = value; }

    /// <summary>A typed client through the switchable network.</summary>
    public ScoringClient Client() => new(factory.Server.BaseAddress, outage);

    public void Dispose()
    {
        outage.Dispose();
        factory.Dispose();
    }

    private sealed class OutageHandler : DelegatingHandler
    {
        public volatile bool Down;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Down
                ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (the test's outage)", new SocketException((int)SocketError.ConnectionRefused))
                : base.SendAsync(request, cancellationToken);
    }

    private sealed class ReceivedCounter(Received received) : Interceptor
    {
        public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
            IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
        {
            if (received.Stall is { } stall)
            {
                await Task.Delay(stall, context.CancellationToken);
            }

            await continuation(new CountingReader<TRequest>(requestStream, received), responseStream, context);
        }
    }

    private sealed class CountingReader<T>(IAsyncStreamReader<T> inner, Received received) : IAsyncStreamReader<T>
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            var more = await inner.MoveNext(cancellationToken);
            if (more && inner.Current is ScoreRequest request)
            {
                received.Add(request.ReportId);
            }

            return more;
        }
    }
}

/// <summary>Report numbers the service received, with how often.</summary>
public sealed class Received
{
    private readonly ConcurrentDictionary<long, int> counts = new();

    internal TimeSpan? Stall { get; set; }

    public IReadOnlyDictionary<long, int> Counts => counts;

    internal void Add(long reportId) => counts.AddOrUpdate(reportId, 1, (_, n) => n + 1);
}
