using System.Net;
using Ava.Domain.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ava.Tests.Web;

/// <summary>What the host sends with every response, and how it behaves behind a TLS-terminating proxy.</summary>
public sealed class HostingSecurityTests
{
    private const string Proxy = "10.0.0.5";
    private const string Client = "203.0.113.7";

    [Fact]
    public async Task EveryPage_CarriesTheSecurityHeaders()
    {
        await using var app = new AvaAppFactory();
        using var client = SignedInClient.Anonymous(app);

        using var response = await client.GetAsync(SignInForm.Path, TestContext.Current.CancellationToken);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("script-src 'self';");
        csp.ShouldContain("connect-src 'self';");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("img-src 'self' data:;");
        csp.ShouldNotContain("upgrade-insecure-requests");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task ContentSecurityPolicy_AllowsImagesFromTheConfiguredHostsOnly()
    {
        await using var app = new AvaAppFactory().WithSetting("Content:ImageHosts:0", "images.example.com");
        using var client = SignedInClient.Anonymous(app);

        using var response = await client.GetAsync(SignInForm.Path, TestContext.Current.CancellationToken);

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("img-src 'self' data: https://images.example.com;");
    }

    [Fact]
    public async Task QuickHealth_Answers503WithAnEmptyBody_WhenAQuickCheckFails()
    {
        await using var app = new AvaAppFactory().WithServices(services => services.AddHealthChecks()
            .AddCheck("unreachable", () => HealthCheckResult.Unhealthy("down"), [Ava.Infrastructure.DependencyInjection.QuickHealthTag]));
        using var client = SignedInClient.Anonymous(app);

        foreach (var path in new[] { "/health/quick", "/api/v1/health/quick" })
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, path);
            if (path == "/health/quick")
            {
                (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
            }
        }
    }

    [Fact]
    public async Task ClientAddress_IsTheForwardedOne_WhenTheRequestComesFromAKnownProxy()
    {
        await using var app = new AvaAppFactory().WithSetting("Proxy:KnownProxies:0", Proxy).WithServices(ConnectFrom(Proxy));

        await FailSignInAsync(app, "nobody-behind-proxy@test.local");

        (await FailedSignInAddressAsync(app, "nobody-behind-proxy@test.local")).ShouldBe(Client);
    }

    [Fact]
    public async Task ForwardedHeaders_AreIgnored_WhenTheSenderIsNoKnownProxy()
    {
        await using var app = new AvaAppFactory().WithServices(ConnectFrom(Proxy));

        await FailSignInAsync(app, "nobody-direct@test.local");

        (await FailedSignInAddressAsync(app, "nobody-direct@test.local")).ShouldBe(Proxy);
    }

    [Fact]
    public async Task Production_SendsHstsUpgradeAndASecureSessionCookie_WhenTheProxyTerminatedHttps()
    {
        await using var app = new AvaAppFactory().WithEnvironment("Production").WithSetting("Proxy:KnownProxies:0", Proxy).WithServices(ConnectFrom(Proxy));
        using var client = SignedInClient.Anonymous(app);

        // HSTS is never sent to localhost, so the request names the site's public host.
        client.BaseAddress = new Uri("http://dashboard.example.com/");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", Client);

        using var page = await client.GetAsync(SignInForm.Path, TestContext.Current.CancellationToken);
        using var signIn = await SignInForm.SubmitAsync(client, AvaAppFactory.ViewerEmail, AvaAppFactory.DemoPassword, TestContext.Current.CancellationToken);

        page.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldEndWith("; upgrade-insecure-requests");
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Ava.Session=", StringComparison.Ordinal)).ShouldContain("secure", Case.Insensitive);
    }

    /// <summary>Every request arrives from <paramref name="address"/>, as it would through a proxy at that address.</summary>
    private static Action<IServiceCollection> ConnectFrom(string address) => services =>
        services.AddSingleton<IStartupFilter>(new PeerAddress(IPAddress.Parse(address)));

    private static async Task FailSignInAsync(AvaAppFactory app, string email)
    {
        using var client = SignedInClient.Anonymous(app);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", Client);
        using var response = await SignInForm.SubmitAsync(client, email, "not-the-password-at-all", TestContext.Current.CancellationToken);
    }

    private static async Task<string?> FailedSignInAddressAsync(AvaAppFactory app, string email)
    {
        await using var db = app.OpenDatabase();
        return (await db.AuditEvents.SingleAsync(e => e.Action == AccountAuditActions.SignInFailed && e.UserName == email, TestContext.Current.CancellationToken)).ClientIp;
    }

    private sealed class PeerAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
