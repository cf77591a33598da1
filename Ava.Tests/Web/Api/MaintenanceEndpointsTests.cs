using System.Net;
using Ava.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace Ava.Tests.Web.Api;

/// <summary>
/// /api/v1/maintenance and what maintenance mode does to the API: 503 with Retry-After for every token whose
/// user may not work then, Admins and the quick health check unaffected. An app of its own: maintenance
/// stops everyone else's requests.
/// </summary>
public sealed class MaintenanceEndpointsTests(MaintenanceEndpointsTests.App app) : IClassFixture<MaintenanceEndpointsTests.App>, IAsyncLifetime
{
    private const string Maintenance = "/api/v1/maintenance";

    public sealed class App : AvaAppFactory
    {
        public App() => WithSetting("Maintenance:RetryAfterSeconds", "120");
    }

    [Fact]
    public async Task On_AnswersNonAdminTokens503WithRetryAfterUntilTheExpectedEnd_WhileAnAdminKeepsWorking()
    {
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var expectedEnd = DateTimeOffset.UtcNow.AddMinutes(30);

        using var switched = await admin.PutJsonAsync(Maintenance, new { on = true, message = "Database upgrade until about 14:30.", expectedEnd });
        using var viewerCall = await viewer.GetAsync("/api/v1/streams", TestContext.Current.CancellationToken);
        using var developerCall = await developer.PostJsonAsync("/api/v1/streams", new { title = "Written during maintenance", source = "Manual" });
        using var adminCall = await admin.GetAsync("/api/v1/streams", TestContext.Current.CancellationToken);

        switched.StatusCode.ShouldBe(HttpStatusCode.OK, await switched.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var status = await switched.ReadJsonAsync();
        status.GetProperty("isOn").GetBoolean().ShouldBeTrue();
        status.GetProperty("startedBy").GetString().ShouldBe(AvaAppFactory.AdminEmail);
        var problem = await viewerCall.ReadProblemAsync(503);
        problem.GetProperty("title").GetString().ShouldBe("Under maintenance");
        problem.GetProperty("detail").GetString().ShouldBe("Database upgrade until about 14:30.");
        viewerCall.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().ShouldBeInRange(TimeSpan.FromMinutes(25), TimeSpan.FromMinutes(30));
        await developerCall.ReadProblemAsync(503);
        developerCall.Headers.RetryAfter.ShouldNotBeNull();
        adminCall.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task On_WithoutAnExpectedEnd_SendsTheConfiguredRetryAfter_AndLeavesTheQuickHealthCheckAlone()
    {
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        using var anonymous = ApiClient.WithToken(app, null);

        using var switched = await admin.PutJsonAsync(Maintenance, new { on = true, message = "Moving to a new server." });
        using var refused = await viewer.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        using var quick = await anonymous.GetAsync("/api/v1/health/quick", TestContext.Current.CancellationToken);
        using var balancer = await anonymous.GetAsync("/health/quick", TestContext.Current.CancellationToken);

        switched.StatusCode.ShouldBe(HttpStatusCode.OK);
        await refused.ReadProblemAsync(503);
        refused.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(120));
        quick.StatusCode.ShouldBe(HttpStatusCode.OK);
        balancer.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Off_LetsEveryoneBackIn_AndBothSwitchesAreAudited()
    {
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        using var on = await admin.PutJsonAsync(Maintenance, new { on = true, message = "Back in five minutes." });
        var windowId = (await on.ReadJsonAsync()).GetProperty("windowId").GetInt64();
        (await viewer.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        using var off = await admin.PutJsonAsync(Maintenance, new { on = false });
        using var back = await viewer.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        var now = await (await admin.GetAsync(Maintenance, TestContext.Current.CancellationToken)).ReadJsonAsync();

        (await off.ReadJsonAsync()).GetProperty("isOn").GetBoolean().ShouldBeFalse();
        back.StatusCode.ShouldBe(HttpStatusCode.OK);
        now.GetProperty("isOn").GetBoolean().ShouldBeFalse();
        await using var db = app.OpenDatabase();
        var actions = await db.AuditEvents.Where(e => e.Resource == $"maintenance/{windowId}").Select(e => e.Action).ToListAsync(TestContext.Current.CancellationToken);
        actions.ShouldBe([SettingsAuditActions.MaintenanceStarted, SettingsAuditActions.MaintenanceEnded], ignoreOrder: true);
    }

    [Fact]
    public async Task Put_Refuses400WithoutAMessage_409WhenOnAlready_And403ForADeveloper()
    {
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);

        using var forbidden = await developer.PutJsonAsync(Maintenance, new { on = true, message = "Mine now." });
        using var messageless = await admin.PutJsonAsync(Maintenance, new { on = true });
        using var bodyless = await admin.PutJsonAsync(Maintenance, new { });
        using var past = await admin.PutJsonAsync(Maintenance, new { on = true, message = "Yesterday.", expectedEnd = DateTimeOffset.UtcNow.AddHours(-1) });
        using var first = await admin.PutJsonAsync(Maintenance, new { on = true, message = "First." });
        using var second = await admin.PutJsonAsync(Maintenance, new { on = true, message = "Second." });

        await forbidden.ReadProblemAsync(403);
        (await messageless.ReadProblemAsync(400)).FieldErrors("message").ShouldHaveSingleItem().ShouldContain("required");
        (await bodyless.ReadProblemAsync(400)).FieldErrors("on").ShouldHaveSingleItem();
        (await past.ReadProblemAsync(422)).GetProperty("detail").GetString().ShouldBe("The expected end must be in the future.");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.ReadProblemAsync(409)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("on already");
    }

    [Fact]
    public async Task Get_NeedsModifySchemas_EvenOutsideMaintenance()
    {
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);

        using var refused = await viewer.GetAsync(Maintenance, TestContext.Current.CancellationToken);

        await refused.ReadProblemAsync(403);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>Each test leaves maintenance mode off for the next.</summary>
    public async ValueTask DisposeAsync()
    {
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        using var off = await admin.PutJsonAsync(Maintenance, new { on = false });
        off.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
