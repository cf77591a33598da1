using Ava.Dashboard.Features.Health;
using Ava.Domain.Alerts;
using Ava.Domain.Health;
using Ava.Infrastructure.Alerts;
using Ava.Infrastructure.Health;
using Ava.Tests.Web;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Health;

/// <summary>
/// The whole app and a real Hangfire server on its job store: when the server stops, the next sample turns the
/// Hangfire tile red, and once it has stayed so past the grace period (5 minutes, stepped over on the app's clock)
/// the rule job raises the health alert. The test owns the server so that it can stop it while the app runs on; the
/// recurring sampling and rules are moved out of the way so the test runs them itself.
/// </summary>
public sealed class HangfireStoppedTests(HangfireStoppedTests.App app) : IClassFixture<HangfireStoppedTests.App>
{
    public sealed class App : AvaAppFactory
    {
        public App() => WithSetting("Workflows:HealthSampleCron", "0 0 1 1 *")
            .WithSetting("Workflows:AlertRulesCron", "0 0 1 1 *")
            .WithServices(services => services.AddSingleton<TimeProvider>(Clock));

        public ShiftedClock Clock { get; } = new();
    }

    [Fact]
    public async Task AStoppedServer_TurnsItsTileRed_AndRaisesTheAlertAfterTheGracePeriod()
    {
        var storage = app.Services.GetRequiredService<JobStorage>();
        var server = new BackgroundJobServer(new BackgroundJobServerOptions { ServerName = "stopping", WorkerCount = 1 }, storage);
        await Poll.UntilAsync(() => Task.FromResult<object?>(storage.GetMonitoringApi().Servers()), servers => ((IList<Hangfire.Storage.Monitoring.ServerDto>)servers).Count == 1,
            "the server to announce itself");
        var running = await SampleAsync();
        running.Single(s => s.CheckName == "hangfire").State.ShouldBe(HealthState.Healthy);

        // Its graceful shutdown: it stops its workers and reports itself gone from the job store.
        await Task.Run(server.Dispose, TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => Task.FromResult<object?>(storage.GetMonitoringApi().Servers()), servers => ((IList<Hangfire.Storage.Monitoring.ServerDto>)servers).Count == 0,
            "the stopped server to report itself gone");
        await SampleAsync();
        var tile = (await TilesAsync()).Tiles.Single(t => t.Name == "hangfire");
        var early = await EvaluateAsync();

        tile.State.ShouldBe(HealthState.Unhealthy);
        HealthLabels.ColorOf(tile.State).ShouldBe(MudBlazor.Color.Error);
        tile.Description.ShouldNotBeNull().ShouldStartWith("No Hangfire server is running");
        early.Raised.ShouldBe(0, "still within the grace period");

        app.Clock.Offset = TimeSpan.FromMinutes(6);
        await SampleAsync();
        var late = await EvaluateAsync();

        late.Raised.ShouldBe(1);
        await using var db = app.OpenDatabase();
        var alert = await db.Alerts.SingleAsync(a => a.Kind == Alert.HealthDegradedKind, TestContext.Current.CancellationToken);
        (alert.Subject, alert.Severity).ShouldBe(("hangfire", AlertSeverity.Critical));
        alert.Message.ShouldContain("hangfire has been unhealthy since");
        alert.Message.ShouldContain("No Hangfire server is running");
    }

    private async Task<IReadOnlyList<HealthSample>> SampleAsync()
    {
        await using var scope = await CallerScope.CreateAsync(app.Services, AvaAppFactory.AdminEmail);
        return await scope.ServiceProvider.GetRequiredService<HealthSampler>().SampleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<HealthOverview> TilesAsync()
    {
        await using var scope = await CallerScope.CreateAsync(app.Services, AvaAppFactory.AdminEmail);
        return await scope.ServiceProvider.GetRequiredService<HealthQueries>().TilesAsync(TestContext.Current.CancellationToken);
    }

    private async Task<AlertEvaluation> EvaluateAsync()
    {
        await using var scope = await CallerScope.CreateAsync(app.Services, AvaAppFactory.AdminEmail);
        return await scope.ServiceProvider.GetRequiredService<AlertEvaluator>().EvaluateAsync(TestContext.Current.CancellationToken);
    }
}
