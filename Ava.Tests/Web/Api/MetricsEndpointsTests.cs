using System.Net;
using System.Text.Json;
using Ava.Infrastructure.Health;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Web.Api;

/// <summary>/api/v1/metrics: hourly buckets computed from the rows the app recorded.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class MetricsEndpointsTests(AvaAppFactory app)
{
    [Fact]
    public async Task Metrics_CountsAChangesetAppliedThisHour_InTheLastBucketAndTheTotal()
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        var stream = await ApiScenario.CreateStreamAsync(developer);
        var id = await ApiScenario.SubmitAsync(developer, stream, 0.9, ("priority", "High"));
        using (var approved = await admin.PostJsonAsync($"/api/v1/recommendations/{id}/approve", new { }))
        {
            approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var after = Series(await GetAsync(developer, "/api/v1/metrics?window=24h"), "changesets", "changesets.applied");

        var values = after.GetProperty("values").EnumerateArray().ToList();
        values.Count.ShouldBe(24);
        values[^1].GetDouble().ShouldBeGreaterThanOrEqualTo(1);
        after.GetProperty("total").GetDouble().ShouldBeGreaterThanOrEqualTo(values[^1].GetDouble());
        after.GetProperty("unit").GetString().ShouldBe("Count");
    }

    [Fact]
    public async Task Metrics_OverSevenDays_HasAnHourlyBucketForEachOfItsHours_AndEveryGroup()
    {
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);

        var report = await GetAsync(viewer, "/api/v1/metrics?window=7d");

        report.GetProperty("window").GetString().ShouldBe("Week");
        report.GetProperty("hours").GetArrayLength().ShouldBe(168);
        var groups = report.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("key").GetString()).ToList();
        // The demo's briefings have ratings, so their satisfaction is a group too.
        groups.ShouldBe(["recommendations", "changesets", "workflows", "ai", "requests", "briefings"], ignoreOrder: true);
        report.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("series").EnumerateArray())
            .ShouldAllBe(s => s.GetProperty("values").GetArrayLength() == 168);
    }

    [Fact]
    public async Task Metrics_CountsTheHostsOwnRequests_OnceTheirTallyIsWritten()
    {
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        var writer = app.Services.GetRequiredService<RequestTallyWriter>();
        await writer.FlushAsync(TestContext.Current.CancellationToken);
        var before = Series(await GetAsync(viewer, "/api/v1/metrics"), "requests", "requests.count").GetProperty("total").GetDouble();

        for (var i = 0; i < 3; i++)
        {
            using var me = await viewer.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        }

        await writer.FlushAsync(TestContext.Current.CancellationToken);
        var after = Series(await GetAsync(viewer, "/api/v1/metrics"), "requests", "requests.count").GetProperty("total").GetDouble();

        // The three calls, and the metrics request before them; other requests of the shared app may add more.
        after.ShouldBeGreaterThanOrEqualTo(before + 4);
    }

    [Fact]
    public async Task Metrics_Answers400ForAnUnknownWindow_And401WithoutAToken()
    {
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        using var anonymous = ApiClient.WithToken(app, null);

        using var bad = await viewer.GetAsync("/api/v1/metrics?window=30d", TestContext.Current.CancellationToken);
        using var refused = await anonymous.GetAsync("/api/v1/metrics", TestContext.Current.CancellationToken);

        (await bad.ReadProblemAsync(400)).FieldErrors("window").ShouldBe(["'window' must be 24h or 7d."]);
        await refused.ReadProblemAsync(401);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.ReadJsonAsync();
    }

    private static JsonElement Series(JsonElement report, string group, string key) =>
        report.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == group)
            .GetProperty("series").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);
}
