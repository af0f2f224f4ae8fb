using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Katalyst.Inference.Partners;
using Katalyst.Referrals.Scoring;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Katalyst.Inference.Tests.Partners;

/// <summary>
/// The inference service over its own partners file and a clock the test moves; add partners (<see cref="AddKey"/>),
/// then <see cref="Start"/> and call it through <see cref="Client"/>.
/// </summary>
public sealed class PartnersServer : IDisposable
{
    private readonly List<PartnerEntry> partners = [];
    private readonly List<GrpcChannel> channels = [];
    private WebApplicationFactory<Program>? factory;

    /// <summary>A server whose partners file is in a new temporary folder.</summary>
    public PartnersServer() => FolderPath = Directory.CreateTempSubdirectory("katalyst-partners-").FullName;

    /// <summary>The clock the service reads (expiry, rate refills); starts at 2026-11-23 09:00 UTC.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The folder holding <see cref="PartnersPath"/>.</summary>
    public string FolderPath { get; }

    /// <summary>The service's partners file.</summary>
    public string PartnersPath => Path.Combine(FolderPath, "partners.json");

    /// <summary>Adds a key partner (written when the server starts) and returns its key.</summary>
    public string AddKey(string name, string methods = "*", TimeSpan? validFor = null, int rate = 1000, int maxRequestBytes = 65536, bool revoked = false)
    {
        var (key, id, sha256) = PartnerKey.Generate();
        partners.Add(new PartnerEntry
        {
            Name = name,
            KeyId = id,
            KeySha256 = sha256,
            Methods = methods.Split(','),
            ExpiresAt = Time.GetUtcNow() + (validFor ?? TimeSpan.FromDays(30)),
            RatePerSecond = rate,
            MaxRequestBytes = maxRequestBytes,
            CreatedAt = Time.GetUtcNow(),
            RevokedAt = revoked ? Time.GetUtcNow() : null,
        });
        return key;
    }

    /// <summary>Adds a certificate partner by its SHA-256 thumbprint.</summary>
    public void AddCertificate(string name, string sha256Thumbprint) => partners.Add(new PartnerEntry
    {
        Name = name,
        CertificateThumbprint = sha256Thumbprint,
        Methods = ["*"],
        ExpiresAt = Time.GetUtcNow() + TimeSpan.FromDays(30),
        CreatedAt = Time.GetUtcNow(),
    });

    /// <summary>Writes the partners file and starts the service over it with <paramref name="settings"/> besides.</summary>
    public PartnersServer Start(params (string Key, string Value)[] settings)
    {
        PartnersFile.Write(PartnersPath, partners);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Partners:Path", PartnersPath);
            b.UseSetting("Kestrel:Endpoints:Operations:Url", "http://127.0.0.1:0"); // not appsettings' fixed port: tests run side by side
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }

            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Time));
        });
        _ = factory.Server;
        return this;
    }

    /// <summary>Writes the partners file and starts the service on real Kestrel (for TLS), with <paramref name="settings"/>.</summary>
    public PartnersServer StartOnKestrel(params (string Key, string Value)[] settings)
    {
        PartnersFile.Write(PartnersPath, partners);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Partners:Path", PartnersPath);
            b.UseSetting("Kestrel:Endpoints:Operations:Url", "http://127.0.0.1:0"); // not appsettings' fixed port: tests run side by side
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });
        factory.UseKestrel();
        factory.StartServer();
        return this;
    }

    /// <summary>The started host's factory, for tests that need more than the test server.</summary>
    public WebApplicationFactory<Program> Factory => factory ?? throw new InvalidOperationException("start the server first");

    /// <summary>A Scoring client sending <paramref name="metadata"/> (e.g. <c>("authorization", "Bearer KEY")</c>) with every call.</summary>
    public Protos.V1.Scoring.ScoringClient Client(params (string Key, string Value)[] metadata)
    {
        var channel = Channel();
        return new Protos.V1.Scoring.ScoringClient(channel.Intercept(m =>
        {
            foreach (var (key, value) in metadata)
            {
                m.Add(key, value);
            }

            return m;
        }));
    }

    /// <summary>A Scoring client sending <paramref name="apiKey"/> as the product's clients do (<see cref="ApiKeyMetadata"/>).</summary>
    public Protos.V1.Scoring.ScoringClient ClientWithKey(string apiKey) => new(Channel().WithApiKey(apiKey));

    /// <summary>A new channel to the in-memory server, disposed with it.</summary>
    public GrpcChannel Channel()
    {
        var channel = GrpcChannel.ForAddress(Factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Factory.Server.CreateHandler() });
        channels.Add(channel);
        return channel;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        factory?.Dispose();
        Directory.Delete(FolderPath, recursive: true);
    }
}
