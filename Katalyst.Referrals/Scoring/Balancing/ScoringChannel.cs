using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Katalyst.Referrals.Scoring.Balancing;

/// <summary>
/// Builds the one <see cref="GrpcChannel"/> a caller keeps for all its calls to the scoring replicas: gRPC's own
/// client-side load balancing (a static or DNS resolver, <c>round_robin</c> over every ready replica) and gRPC's own
/// retry policy (UNAVAILABLE only: a replica that is down or stopping, never a refusal or a failure in the model).
/// Nothing here is home-made balancing: the resolver, picker, health of connections and retries are Grpc.Net.Client's.
/// </summary>
public static class ScoringChannel
{
    // Requests a retried call may replay from memory: a ScoreStream batch of 500 referrals is well under this; a call
    // that outgrows it (a large file's analysis) is simply not retried once it has.
    private const long RetryBufferPerCall = 8L * 1024 * 1024;
    private const long RetryBufferPerChannel = 64L * 1024 * 1024;

    /// <summary>A channel to <paramref name="target"/>; dispose it when done (it owns the connections).</summary>
    /// <exception cref="ArgumentException"><paramref name="options"/> cannot be used; the message names the property.</exception>
    public static GrpcChannel Create(ScoringTarget target, ScoringChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        options ??= ScoringChannelOptions.Default;
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var services = new ServiceCollection();
        Uri address;
        if (target.DnsHostAndPort is { } dns)
        {
            services.AddSingleton<ResolverFactory>(new DnsResolverFactory(options.DnsRefreshInterval));
            address = new Uri("dns:///" + dns);
        }
        else if (target.Addresses.Count == 1)
        {
            address = target.Addresses[0]; // gRPC's pass-through resolver: the address as given, TLS names checked against it
        }
        else
        {
            var replicas = target.Addresses.Select(a => new BalancerAddress(a.Host, a.Port)).ToArray();
            services.AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => replicas));
            address = new Uri("static:///scoring");
        }

        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = Handler(options),
            ServiceProvider = services.BuildServiceProvider(),
            Credentials = target.UsesTls ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure,
            ServiceConfig = ServiceConfig(options),
            MaxRetryAttempts = options.MaxAttempts,
            MaxRetryBufferPerCallSize = RetryBufferPerCall,
            MaxRetryBufferSize = RetryBufferPerChannel,
        });
    }

    private static ServiceConfig ServiceConfig(ScoringChannelOptions options)
    {
        var config = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } };
        if (options.MaxAttempts > 1)
        {
            config.MethodConfigs.Add(new MethodConfig
            {
                Names = { MethodName.Default },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = options.MaxAttempts,
                    InitialBackoff = options.InitialBackoff,
                    MaxBackoff = options.MaxBackoff,
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            });
        }

        return config;
    }

    // Load balancing needs SocketsHttpHandler (without a ConnectCallback): gRPC opens one connection per replica itself.
    private static SocketsHttpHandler Handler(ScoringChannelOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        if (options.ClientCertificate is { } certificate)
        {
            handler.SslOptions.ClientCertificates = [certificate];
        }

        if (options.ServerCertificateValidation is { } validation)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = validation;
        }

        return handler;
    }
}
