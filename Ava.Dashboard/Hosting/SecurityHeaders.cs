using Ava.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace Ava.Dashboard.Hosting;

/// <summary>
/// Baseline response headers. The CSP allows what Blazor Server and MudBlazor need: scripts from
/// this origin only, inline styles (MudBlazor sets style attributes), the circuit's WebSocket.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; " +
        "form-action 'self'; object-src 'none'";

    /// <summary>The Hangfire dashboard ships inline scripts of its own; it gets them, nothing else does.</summary>
    public const string JobsDashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>
    /// An <c>HttpContext.Items</c> key: a page that renders inline scripts puts a fresh nonce here and
    /// marks each script with it; its response then allows those scripts and no other inline ones.
    /// </summary>
    public const string ScriptNonceItem = "ava.csp.script-nonce";

    /// <summary>The page policy, with the image hosts Markdown may show inline (<see cref="ContentOptions.ImageHosts"/>).</summary>
    public static string PagePolicy(IEnumerable<string> imageHosts) =>
        ContentSecurityPolicy.Replace("img-src 'self' data:", string.Join(' ', new[] { "img-src 'self' data:" }.Concat(imageHosts.Select(h => $"https://{h}"))), StringComparison.Ordinal);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string jobsPath)
    {
        var pages = PagePolicy(app.ApplicationServices.GetRequiredService<IOptions<ContentOptions>>().Value.ImageHosts);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var policy =
                    context.Request.Path.StartsWithSegments(jobsPath) ? JobsDashboardPolicy
                    : context.Items[ScriptNonceItem] is string nonce ? pages.Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
                    : pages;

                // Behind a TLS-terminating proxy the scheme is the client's (forwarded headers run first).
                headers.ContentSecurityPolicy = context.Request.IsHttps ? policy + "; upgrade-insecure-requests" : policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
