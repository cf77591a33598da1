using System.Text.Json;
using Ava.Domain.Settings;
using Ava.Infrastructure.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Web.Api;

/// <summary>/api/v1/config/status, and what a switched-off capability's endpoints answer.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class ConfigurationStatusEndpointsTests(AvaAppFactory app)
{
    [Fact]
    public async Task Status_GivesEachSettingItsEffectiveValueAndSource_AndSecretsOnlyAsSetOrNot()
    {
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);

        var status = await (await admin.GetAsync("/api/v1/config/status", TestContext.Current.CancellationToken)).ReadJsonAsync();

        var settings = status.GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("settings").EnumerateArray())
            .ToDictionary(s => s.GetProperty("key").GetString()!);
        Describe(settings["Database:SqliteBusyTimeoutSeconds"]).ShouldBe(("30", "File", false, true));
        settings["Database:SqliteBusyTimeoutSeconds"].GetProperty("sourceDetail").GetString().ShouldBe("appsettings.json");
        // The test host hands its settings to the app as command-line arguments.
        Describe(settings["Workflows:RetryAttempts"]).ShouldBe(("2", "CommandLine", false, true));
        Describe(settings["Alerts:ErrorRatePercent"]).ShouldBe(("15", "Default", false, true));
        Describe(settings["Health:HistoryDays"]).ShouldBe(("7", "Default", false, true));
        Describe(settings["ConnectionStrings:Ava"]).ShouldBe((null, "CommandLine", true, true));
        Describe(settings["Alerts:WebhookUrl"]).ShouldBe((null, "Default", true, false));
        Describe(settings["Integrations:GitHub:Token"]).ShouldBe((null, "Default", true, false));
        Describe(settings["Api:RateLimit:WindowSeconds"]).ShouldBe(("60", "File", false, true));
        var text = status.GetRawText();
        text.ShouldNotContain(app.DatabasePath);
    }

    [Fact]
    public async Task Status_ListsTheFeatureFlagsAndTheExternalDependencies_AndRefusesADeveloper()
    {
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);

        var status = await (await admin.GetAsync("/api/v1/config/status", TestContext.Current.CancellationToken)).ReadJsonAsync();
        using var refused = await developer.GetAsync("/api/v1/config/status", TestContext.Current.CancellationToken);

        status.GetProperty("featureFlags").EnumerateArray().Select(f => f.GetProperty("name").GetString())
            .ShouldBe(Capabilities.All.Select(c => c.Name));
        var webhook = status.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "alert-webhook");
        webhook.GetProperty("state").GetString().ShouldBe("NotConfigured");
        await refused.ReadProblemAsync(403);
    }

    [Fact]
    public async Task ASwitchedOffCapability_AnswersItsEndpointsWithWhoSwitchedItOffAndWhen_UntilItIsOnAgain()
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        await SwitchAsync(Capabilities.CommandExecution, enabled: false);
        try
        {
            using var refused = await developer.GetAsync("/api/v1/commands", TestContext.Current.CancellationToken);
            var flags = (await (await admin.GetAsync("/api/v1/config/status", TestContext.Current.CancellationToken)).ReadJsonAsync()).GetProperty("featureFlags");

            var problem = await refused.ReadProblemAsync(403);
            problem.GetProperty("title").GetString().ShouldBe("Switched off");
            problem.GetProperty("capability").GetString().ShouldBe("CommandExecution");
            problem.GetProperty("switchedOffBy").GetString().ShouldBe(AvaAppFactory.AdminEmail);
            problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldStartWith($"Command execution was switched off by {AvaAppFactory.AdminEmail} on ");
            var flag = flags.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "CommandExecution");
            (flag.GetProperty("enabled").GetBoolean(), flag.GetProperty("changedBy").GetString()).ShouldBe((false, AvaAppFactory.AdminEmail));
        }
        finally
        {
            await SwitchAsync(Capabilities.CommandExecution, enabled: true);
        }

        using var back = await developer.GetAsync("/api/v1/commands", TestContext.Current.CancellationToken);
        back.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        await using var db = app.OpenDatabase();
        var actions = await db.AuditEvents.Where(e => e.Resource == "feature/CommandExecution").Select(e => e.Action).ToListAsync(TestContext.Current.CancellationToken);
        actions.ShouldContain(SettingsAuditActions.FeatureSwitchedOff);
        actions.ShouldContain(SettingsAuditActions.FeatureSwitchedOn);
    }

    [Fact]
    public async Task SwitchedOffBriefingsAndReviews_CloseTheirEndpoints_WhileReadingACodestonesReviewsStaysOpen()
    {
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var codestone = (await (await developer.GetAsync("/api/v1/codestones?pageSize=1", TestContext.Current.CancellationToken)).ReadJsonAsync())
            .GetProperty("items")[0].GetProperty("id").GetInt64();
        await SwitchAsync(Capabilities.Briefings, enabled: false);
        await SwitchAsync(Capabilities.CodeReviews, enabled: false);
        try
        {
            using var briefings = await viewer.GetAsync("/api/v1/briefings", TestContext.Current.CancellationToken);
            using var request = await developer.PostAsync($"/api/v1/codestones/{codestone}/reviews", null, TestContext.Current.CancellationToken);
            using var reviews = await developer.GetAsync($"/api/v1/codestones/{codestone}/reviews", TestContext.Current.CancellationToken);

            (await briefings.ReadProblemAsync(403)).GetProperty("capability").GetString().ShouldBe("Briefings");
            (await request.ReadProblemAsync(403)).GetProperty("capability").GetString().ShouldBe("CodeReviews");
            reviews.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        }
        finally
        {
            await SwitchAsync(Capabilities.Briefings, enabled: true);
            await SwitchAsync(Capabilities.CodeReviews, enabled: true);
        }
    }

    private async Task SwitchAsync(Capability capability, bool enabled)
    {
        await using var scope = await CallerScope.CreateAsync(app.Services, AvaAppFactory.AdminEmail);
        await scope.ServiceProvider.GetRequiredService<FeatureFlagService>().SwitchAsync(capability.Name, enabled, TestContext.Current.CancellationToken);
    }

    private static (string? Value, string Source, bool IsSecret, bool IsSet) Describe(JsonElement setting) => (
        setting.GetProperty("value").GetString(),
        setting.GetProperty("source").GetString()!,
        setting.GetProperty("isSecret").GetBoolean(),
        setting.GetProperty("isSet").GetBoolean());
}
