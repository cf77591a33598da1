using System.Net;
using Ava.Infrastructure.Health;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Web.Api;

/// <summary>/api/v1/health and /api/v1/health/history over the app's real checks and its recorded samples.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class HealthEndpointsTests(AvaAppFactory app)
{
    private static readonly string[] Checks = ["database", "ai-provider", "hangfire", "disk", "audit-chain", "stuck-workflows", "github", "notion"];

    [Fact]
    public async Task Health_GivesAnAdminEveryCheckWithItsDescription()
    {
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);

        using var response = await admin.GetAsync("/api/v1/health", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl?.NoStore.ShouldBeTrue();
        var health = await response.ReadJsonAsync();
        health.GetProperty("showsDetails").GetBoolean().ShouldBeTrue();
        var checks = health.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        checks.Keys.ShouldBe(Checks, ignoreOrder: true);
        checks["database"].GetProperty("state").GetString().ShouldBe("Healthy");
        checks["github"].GetProperty("state").GetString().ShouldBe("NotConfigured");
        checks["github"].GetProperty("description").GetString().ShouldNotBeNull().ShouldContain("Not configured");

        // The test app runs no Hangfire server: scheduled work has stopped, and the check says so.
        checks["hangfire"].GetProperty("state").GetString().ShouldBe("Unhealthy");
        checks["hangfire"].GetProperty("description").GetString().ShouldNotBeNull().ShouldContain("No Hangfire server is running");
        health.GetProperty("overall").GetString().ShouldBe("Unhealthy");
        checks.Values.ShouldAllBe(c => c.GetProperty("durationMs").GetInt32() >= 0);
    }

    [Fact]
    public async Task Health_GivesAViewerTheStatesWithoutDetails_AndRefusesAnonymousCallers()
    {
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        using var anonymous = ApiClient.WithToken(app, null);

        using var response = await viewer.GetAsync("/api/v1/health", TestContext.Current.CancellationToken);
        using var refused = await anonymous.GetAsync("/api/v1/health", TestContext.Current.CancellationToken);

        var health = await response.ReadJsonAsync();
        health.GetProperty("showsDetails").GetBoolean().ShouldBeFalse();
        var checks = health.GetProperty("checks").EnumerateArray().ToList();
        checks.Count.ShouldBe(Checks.Length);
        checks.ShouldAllBe(c => c.GetProperty("description").ValueKind == System.Text.Json.JsonValueKind.Null);
        checks.ShouldAllBe(c => c.GetProperty("lastChangeAt").ValueKind == System.Text.Json.JsonValueKind.Null);
        await refused.ReadProblemAsync(401);
    }

    [Fact]
    public async Task History_ListsTheRecordedSamplesOldestFirst_WithDescriptionsOnlyForAnAdmin()
    {
        await SampleTwiceAsync();
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);

        var forAdmin = await (await admin.GetAsync("/api/v1/health/history?check=database&hours=1", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var forViewer = await (await viewer.GetAsync("/api/v1/health/history?check=database", TestContext.Current.CancellationToken)).ReadJsonAsync();

        var points = forAdmin.EnumerateArray().ToList();
        points.Count.ShouldBeGreaterThanOrEqualTo(2);
        points.Select(p => p.GetProperty("sampledAt").GetDateTimeOffset()).ShouldBeInOrder(SortDirection.Ascending);
        points.ShouldAllBe(p => p.GetProperty("state").GetString() == "Healthy");
        forViewer.GetArrayLength().ShouldBeGreaterThanOrEqualTo(2);
        forViewer.EnumerateArray().ShouldAllBe(p => p.GetProperty("description").ValueKind == System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task History_Answers400WithoutACheckOrForHoursOutOfRange_And404ForAnUnknownCheck()
    {
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);

        using var missing = await viewer.GetAsync("/api/v1/health/history", TestContext.Current.CancellationToken);
        using var tooLong = await viewer.GetAsync("/api/v1/health/history?check=database&hours=169", TestContext.Current.CancellationToken);
        using var unknown = await viewer.GetAsync("/api/v1/health/history?check=coffee-machine", TestContext.Current.CancellationToken);

        (await missing.ReadProblemAsync(400)).FieldErrors("check").ShouldHaveSingleItem();
        (await tooLong.ReadProblemAsync(400)).FieldErrors("hours").ShouldBe(["'hours' must be from 1 to 168."]);
        (await unknown.ReadProblemAsync(404)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("no health check named 'coffee-machine'");
    }

    [Fact]
    public async Task QuickHealth_StaysAnonymous_AndAnswersOnlyItsStatus()
    {
        using var anonymous = ApiClient.WithToken(app, null);

        using var api = await anonymous.GetAsync("/api/v1/health/quick", TestContext.Current.CancellationToken);
        using var balancer = await anonymous.GetAsync("/health/quick", TestContext.Current.CancellationToken);

        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.ReadJsonAsync()).EnumerateObject().Select(p => p.Name).ShouldBe(["status"]);
        balancer.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task SampleTwiceAsync()
    {
        await using var scope = await CallerScope.CreateAsync(app.Services, AvaAppFactory.AdminEmail);
        var sampler = scope.ServiceProvider.GetRequiredService<HealthSampler>();
        await sampler.SampleAsync(TestContext.Current.CancellationToken);
        await sampler.SampleAsync(TestContext.Current.CancellationToken);
    }
}
