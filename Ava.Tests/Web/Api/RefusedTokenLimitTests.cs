using System.Net;

namespace Ava.Tests.Web.Api;

/// <summary>Refused tokens per address, lowered to three a minute; an app of its own, since every test client shares one address.</summary>
public sealed class RefusedTokenLimitTests(RefusedTokenLimitTests.App app) : IClassFixture<RefusedTokenLimitTests.App>
{
    public sealed class App : AvaAppFactory
    {
        public App() => WithSetting("Api:RateLimit:RefusedTokenLimit", "3").WithSetting("Api:RateLimit:WindowSeconds", "60");
    }

    [Fact]
    public async Task AnAddressSendingRefusedTokens_Gets429WithoutALookup_AfterItsLimit_WhileATokenInUseKeepsWorking()
    {
        using var working = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        (await working.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var guessing = ApiClient.WithToken(app, "ava_pat_" + new string('x', 40));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await guessing.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);
        using var newToken = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        using var refused = await newToken.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        var problem = await refused.ReadProblemAsync(429);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("refused API tokens");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        using var stillWorking = await working.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        stillWorking.StatusCode.ShouldBe(HttpStatusCode.OK, await stillWorking.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

}
