using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Katalyst.Inference.Partners;

/// <summary>Registers partner access: the partners file, per-partner rate limits, the interceptor and client certificates.</summary>
public static class PartnersRegistration
{
    /// <summary>
    /// Binds <see cref="PartnersOptions"/> (section <c>Partners</c>), loads the partners file at start-up (a bad file, or
    /// no file outside Development, fails the start), puts <see cref="PartnerAccessInterceptor"/> in front of every gRPC
    /// service and lets Kestrel's https endpoints take client certificates (demanded when
    /// <see cref="PartnersOptions.RequireClientCertificates"/>; checked against the partners file, not a CA).
    /// </summary>
    public static IHostApplicationBuilder AddPartners(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<PartnersOptions>().Bind(builder.Configuration.GetSection(PartnersOptions.Section)).ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PartnerDirectory>();
        builder.Services.AddSingleton<PartnerRateLimits>();
        builder.Services.AddSingleton<PartnerAccessInterceptor>();
        builder.Services.Configure<GrpcServiceOptions>(grpc => grpc.Interceptors.Add<PartnerAccessInterceptor>());
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<PartnersOptions>>((kestrel, partners) =>
        {
            var require = partners.Value.RequireClientCertificates;
            kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ClientCertificateMode = require ? ClientCertificateMode.RequireCertificate : ClientCertificateMode.AllowCertificate;
                // Self-signed partner certificates are the norm; who they are is decided by thumbprint in the interceptor.
                https.AllowAnyClientCertificate();
            });
        });
        builder.Services.AddHostedService<LoadPartnersOnStart>();
        return builder;
    }

    private sealed class LoadPartnersOnStart(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<PartnerDirectory>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
