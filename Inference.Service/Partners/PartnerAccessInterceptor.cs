using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Katalyst.Inference.Partners;

/// <summary>
/// Lets a gRPC call in only for a known partner, within its methods, its rate and its request size. The caller proves
/// itself with an API key (<c>authorization: Bearer KEY</c> or <c>x-api-key: KEY</c>) or a client certificate named
/// in the partners file. Health checks (<c>grpc.health.v1.Health</c>) stay open for load balancers.
/// </summary>
/// <remarks>
/// An interceptor rather than an ASP.NET authentication handler and policy: it sees gRPC's method name and each
/// streamed message, so one place answers with gRPC's own status codes (UNAUTHENTICATED, PERMISSION_DENIED,
/// RESOURCE_EXHAUSTED) and limits the rate and size of every message in ScoreStream, which a policy evaluated once
/// per HTTP request could not.
/// </remarks>
public sealed partial class PartnerAccessInterceptor(PartnerDirectory partners, PartnerRateLimits rates, TimeProvider time, ILogger<PartnerAccessInterceptor> logger)
    : Interceptor
{
    private const string HealthService = "grpc.health.v1.Health/";

    /// <inheritdoc />
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        if (Admit(context) is { } partner)
        {
            CheckSize(partner, request);
        }

        return continuation(request, context);
    }

    /// <inheritdoc />
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        var partner = Admit(context);
        return continuation(partner is null ? requestStream : new LimitedReader<TRequest>(requestStream, partner, this), context);
    }

    /// <inheritdoc />
    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        if (Admit(context) is { } partner)
        {
            CheckSize(partner, request);
        }

        return continuation(request, responseStream, context);
    }

    /// <inheritdoc />
    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        var partner = Admit(context);
        return continuation(partner is null ? requestStream : new LimitedReader<TRequest>(requestStream, partner, this), responseStream, context);
    }

    // Who is calling, and may they call this now? Null when the call needs no partner (open service, health checks).
    private PartnerEntry? Admit(ServerCallContext context)
    {
        var method = context.Method.TrimStart('/');
        if (partners.Open || method.StartsWith(HealthService, StringComparison.Ordinal))
        {
            return null;
        }

        var partner = Authenticate(context, method);
        if (!partner.Allows(method))
        {
            LogOutOfScope(partner.Name, method);
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"partner '{partner.Name}' may not call {method}"));
        }

        TakeToken(partner, method);
        LogCall(partner.Name, method);
        return partner;
    }

    private PartnerEntry Authenticate(ServerCallContext context, string method)
    {
        var key = KeyOf(context.RequestHeaders);
        PartnerEntry? partner;
        if (key is not null)
        {
            partner = partners.FindByKey(key);
        }
        else if (context.GetHttpContext().Connection.ClientCertificate is { } certificate)
        {
            partner = partners.FindByCertificate(certificate.GetCertHashString(HashAlgorithmName.SHA256), certificate.GetCertHashString(HashAlgorithmName.SHA1));
        }
        else
        {
            LogRefused(method, "no API key and no client certificate");
            throw Unauthenticated("no credentials: send 'authorization: Bearer KEY' (or 'x-api-key: KEY') metadata, or a client certificate over TLS");
        }

        if (partner is null)
        {
            LogRefused(method, key is null ? "unknown client certificate" : "unknown API key");
            throw Unauthenticated(key is null ? "the client certificate is not a partner's" : "the API key is not valid");
        }

        if (partner.RevokedAt is not null)
        {
            LogRefused(method, $"partner '{partner.Name}' was revoked");
            throw Unauthenticated("the credentials were revoked");
        }

        if (time.GetUtcNow() >= partner.ExpiresAt)
        {
            LogRefused(method, $"partner '{partner.Name}' expired at {partner.ExpiresAt:u}");
            throw Unauthenticated("the credentials have expired");
        }

        return partner;
    }

    private void TakeToken(PartnerEntry partner, string method)
    {
        if (!rates.TryAcquire(partner))
        {
            LogOverRate(partner.Name, method, partner.RatePerSecond);
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"partner '{partner.Name}' is over its rate limit of {partner.RatePerSecond} calls a second"));
        }
    }

    private void CheckSize<TRequest>(PartnerEntry partner, TRequest request)
    {
        var size = request is IMessage message ? message.CalculateSize() : 0;
        if (size > partner.MaxRequestBytes)
        {
            LogTooLarge(partner.Name, size, partner.MaxRequestBytes);
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"the request is {size} bytes, over partner '{partner.Name}''s limit of {partner.MaxRequestBytes} bytes (maxRequestBytes)"));
        }
    }

    private static string? KeyOf(Metadata headers)
    {
        if (headers.GetValue("authorization") is { } authorization)
        {
            return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : authorization.Trim();
        }

        return headers.GetValue("x-api-key")?.Trim();
    }

    private static RpcException Unauthenticated(string detail) => new(new Status(StatusCode.Unauthenticated, detail));

    [LoggerMessage(Level = LogLevel.Information, Message = "Partner {Partner} called {Method}")]
    private partial void LogCall(string partner, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a call to {Method}: {Reason}")]
    private partial void LogRefused(string method, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partner {Partner} may not call {Method}: refused")]
    private partial void LogOutOfScope(string partner, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partner {Partner} is over its rate of {Rate} a second: {Method} refused")]
    private partial void LogOverRate(string partner, string method, int rate);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partner {Partner} sent a {Size}-byte request, over its limit of {Limit}: refused")]
    private partial void LogTooLarge(string partner, int size, int limit);

    // Each message of a stream counts against the partner's rate and size, as a single call does.
    private sealed class LimitedReader<T>(IAsyncStreamReader<T> inner, PartnerEntry partner, PartnerAccessInterceptor owner) : IAsyncStreamReader<T>
    {
        private bool first = true;

        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken))
            {
                return false;
            }

            owner.CheckSize(partner, inner.Current);
            if (!first)
            {
                owner.TakeToken(partner, "stream message");
            }

            first = false;
            return true;
        }
    }
}
