using System.Security.Cryptography;

namespace Katalyst.Portal.Access;

/// <summary>
/// Adds a Content-Security-Policy and related headers to every response. Scripts load only from the portal
/// itself (plus the import map, which carries a per-response nonce); styles allow inline attributes because
/// MudBlazor sets style attributes; the circuit's WebSocket goes to the same origin; no page may be framed.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "katalyst.csp-nonce";

    /// <summary>The nonce that inline scripts of this response must carry (the import map).</summary>
    public static string Nonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[NonceKey] as string ?? "";
    }

    /// <summary>The policy for a response whose inline scripts carry <paramref name="nonce"/>.</summary>
    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>Sets the headers on every response of the pipeline after this call.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            await next(context);
        });
    }
}
