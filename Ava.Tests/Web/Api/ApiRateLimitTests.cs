using System.Net;
using Ava.Dashboard.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ava.Tests.Web.Api;

/// <summary>The API's rate limit, lowered to three requests a minute so a test can reach it.</summary>
public sealed class ApiRateLimitTests(ApiRateLimitTests.App app) : IClassFixture<ApiRateLimitTests.App>
{
    public sealed class App : AvaAppFactory
    {
        public App() => WithSetting("Api:RateLimit:PermitLimit", "3").WithSetting("Api:RateLimit:WindowSeconds", "60").WithSetting("Api:RateLimit:DecisionPermitLimit", "5");
    }

    [Fact]
    public async Task AUserOverTheLimit_Gets429WithRetryAfter_OnEveryTokenOfTheirs_WhileAnotherUserStillGetsIn()
    {
        using var first = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        using var sameUser = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        using var second = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        for (var i = 0; i < 3; i++)
        {
            (await first.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var refused = await first.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        using var anotherToken = await sameUser.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        using var other = await second.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);

        var problem = await refused.ReadProblemAsync(429);
        problem.GetProperty("title").GetString().ShouldBe("Too many requests");
        var retryAfter = refused.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull();
        retryAfter.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        anotherToken.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "a second token does not multiply the user's allowance");
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void Limits_AreReadFromTheApiRateLimitSection_OverTheRootSettingsDefaults()
    {
        var options = app.Services.GetRequiredService<IOptions<ApiRateLimitOptions>>().Value;

        options.PermitLimit.ShouldBe(3);
        options.WindowSeconds.ShouldBe(60);
        options.DecisionPermitLimit.ShouldBe(5);
    }

    [Fact]
    public async Task AnonymousCallers_ShareTheirAddressesLimit()
    {
        using var anonymous = ApiClient.WithToken(app, null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await anonymous.GetAsync("/api/v1/health/quick", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task Decisions_SpendTheGeneralLimitToo_NotOnlyTheirStricterOne()
    {
        // The decision window (5) is wider than the general one (3) here: the fourth decision is refused by the general limit.
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await admin.PostJsonAsync($"/api/v1/recommendations/{900_000 + i}/reject", new { reason = "Not needed." });
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests]);
    }
}
