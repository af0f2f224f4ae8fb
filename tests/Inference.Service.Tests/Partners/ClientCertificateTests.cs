using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Katalyst.Inference.Tests.Scoring;

namespace Katalyst.Inference.Tests.Partners;

/// <summary>Mutual TLS: a partner named by its certificate's thumbprint, over a real TLS connection to Kestrel.</summary>
public sealed class ClientCertificateTests : IDisposable
{
    private const string Password = "test-only";
    private readonly PartnersServer server = new();
    private readonly X509Certificate2 serverCertificate = SelfSigned("CN=katalyst-inference.test", "1.3.6.1.5.5.7.3.1");
    private readonly X509Certificate2 knownClient = SelfSigned("CN=known-partner.test", "1.3.6.1.5.5.7.3.2");
    private readonly X509Certificate2 unknownClient = SelfSigned("CN=stranger.test", "1.3.6.1.5.5.7.3.2");
    private readonly int port = LoopbackPort.Free();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Score_KnownClientCertificate_Scores()
    {
        Start();
        using var channel = TlsChannel(knownClient);

        var result = await new Protos.V1.Scoring.ScoringClient(channel).ScoreAsync(Hallmarks.Plain(31), cancellationToken: Ct);

        Assert.Equal(31, result.ReportId);
    }

    [Fact]
    public async Task Score_UnknownClientCertificate_Unauthenticated()
    {
        Start();
        using var channel = TlsChannel(unknownClient);

        var ex = await Assert.ThrowsAsync<RpcException>(() => new Protos.V1.Scoring.ScoringClient(channel).ScoreAsync(Hallmarks.Plain(32), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("client certificate", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_NoCertificateWhenCertificatesAreRequired_RefusedInTheHandshake()
    {
        Start(("Partners:RequireClientCertificates", "true"));
        using var channel = TlsChannel(null);

        var ex = await Assert.ThrowsAsync<RpcException>(() => new Protos.V1.Scoring.ScoringClient(channel).ScoreAsync(Hallmarks.Plain(33), cancellationToken: Ct).ResponseAsync);

        // Kestrel ends the TLS handshake: the client sees the connection fail (Unavailable) or, when the refusal
        // arrives after the HTTP/2 preface went out, a broken stream (Internal). Never an answer from the service.
        Assert.True(ex.StatusCode is StatusCode.Unavailable or StatusCode.Internal, $"{ex.StatusCode}: {ex.Status.Detail}");
        Assert.DoesNotContain("tier", ex.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        server.Dispose();
        serverCertificate.Dispose();
        knownClient.Dispose();
        unknownClient.Dispose();
    }

    private void Start(params (string Key, string Value)[] more)
    {
        server.AddCertificate("mtls-partner", knownClient.GetCertHashString(HashAlgorithmName.SHA256));
        var pfx = Path.Combine(server.FolderPath, "server.pfx");
        File.WriteAllBytes(pfx, serverCertificate.Export(X509ContentType.Pfx, Password));
        server.StartOnKestrel(
        [
            ("Kestrel:Endpoints:Grpc:Url", $"https://127.0.0.1:{port}"),
            ("Kestrel:Endpoints:Grpc:Certificate:Path", pfx),
            ("Kestrel:Endpoints:Grpc:Certificate:Password", Password),
            .. more,
        ]);
    }

    private GrpcChannel TlsChannel(X509Certificate2? client)
    {
        var serverThumbprint = serverCertificate.GetCertHashString(HashAlgorithmName.SHA256);
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                // The test's own server certificate is the only one trusted.
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString(HashAlgorithmName.SHA256) == serverThumbprint,
                LocalCertificateSelectionCallback = (_, _, _, _, _) => client!,
            },
        };
        return GrpcChannel.ForAddress($"https://127.0.0.1:{port}", new GrpcChannelOptions { HttpHandler = handler });
    }

    private static X509Certificate2 SelfSigned(string subject, string usage)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], critical: false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12 so the private key is usable by TLS on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx, Password), Password);
    }
}
