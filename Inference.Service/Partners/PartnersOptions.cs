namespace Katalyst.Inference.Partners;

/// <summary>The <c>Partners</c> configuration section: who may call the service.</summary>
public sealed class PartnersOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Partners";

    /// <summary>
    /// The partners file (written by <c>katalyst partners add|revoke</c>), e.g. <c>data/partners.json</c>; re-read when it
    /// changes. Empty: in the Development environment every call is let in (with a warning at start); in any other
    /// environment the service refuses to start.
    /// </summary>
    public string Path { get; set; } = "";

    /// <summary>
    /// Whether Kestrel's https endpoints demand a client certificate during the TLS handshake (mutual TLS only). Default
    /// false: https endpoints ask for one and accept calls without it, which must then carry an API key.
    /// </summary>
    public bool RequireClientCertificates { get; set; }
}
