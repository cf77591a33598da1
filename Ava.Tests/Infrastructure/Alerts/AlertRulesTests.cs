using Ava.Domain.Alerts;
using Ava.Domain.Health;
using Ava.Domain.Security;
using Ava.Infrastructure.Alerts;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Security;
using Ava.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Ava.Tests.TestData.ApprovalScenario;

namespace Ava.Tests.Infrastructure.Alerts;

/// <summary>Each alert rule at its thresholds (the defaults of specification §7 and the issue), read from recorded rows at a test clock's time.</summary>
public sealed class AlertRulesTests : IAsyncLifetime
{
    private OperationsDatabase _ops = default!;

    public async ValueTask InitializeAsync() => _ops = await OperationsDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _ops.DisposeAsync();

    [Theory]
    [InlineData(19, 19, false)]
    [InlineData(100, 15, false)]
    [InlineData(100, 16, true)]
    [InlineData(20, 4, true)]
    public async Task ErrorRate_HoldsOverFifteenPercentOfAnHoursRequests_FromTwentyRequestsOn(int requests, int errors, bool holds)
    {
        await _ops.TallyAsync(TimeSpan.FromMinutes(30), requests, errors);

        var findings = await FindAsync<ErrorRateRule>();

        findings.Count.ShouldBe(holds ? 1 : 0);
        if (holds)
        {
            findings[0].Subject.ShouldBe(ErrorRateRule.Subject);
            findings[0].Severity.ShouldBe(AlertSeverity.Critical);
        }
    }

    [Fact]
    public async Task ErrorRate_LeavesOutRequestsOlderThanAnHour()
    {
        await _ops.TallyAsync(TimeSpan.FromMinutes(61), 100, 100);
        await _ops.TallyAsync(TimeSpan.FromMinutes(10), 100, 0);

        (await FindAsync<ErrorRateRule>()).ShouldBeEmpty();
    }

    [Fact]
    public async Task WorkflowRunningLong_HoldsForEachRunRunningOverFourHours()
    {
        var longRun = await _ops.RunningSinceAsync(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        await _ops.RunningSinceAsync(TimeSpan.FromHours(4) - TimeSpan.FromMinutes(1));

        var finding = (await FindAsync<WorkflowRunningLongRule>()).ShouldHaveSingleItem();

        finding.Subject.ShouldBe(WorkflowRunningLongRule.SubjectOf(longRun));
        WorkflowRunningLongRule.RunIdOf(finding.Subject).ShouldBe(longRun);
        finding.Message.ShouldContain("running for 4 h");
    }

    [Fact]
    public async Task ChangeSetsFailed_HoldsFromTheThirdFailureWithinSixHours()
    {
        await FailApprovalAsync();
        _ops.Clock.Advance(TimeSpan.FromHours(5));
        await FailApprovalAsync();
        (await FindAsync<ChangeSetsFailedRule>()).ShouldBeEmpty();

        await FailApprovalAsync();
        var finding = (await FindAsync<ChangeSetsFailedRule>()).ShouldHaveSingleItem();
        finding.Message.ShouldStartWith("3 changesets failed to apply within 6 h");

        _ops.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        (await FindAsync<ChangeSetsFailedRule>()).ShouldBeEmpty("the first failure left the window");
    }

    [Fact]
    public async Task SecurityViolations_HoldsForAUserRefusedFiveTimesWithinTenMinutes()
    {
        await RefuseAsync("prober@test.local", 4);
        (await FindAsync<SecurityViolationsRule>()).ShouldBeEmpty();

        await RefuseAsync("prober@test.local", 1);
        (await FindAsync<SecurityViolationsRule>()).ShouldHaveSingleItem().Subject.ShouldBe("prober@test.local");

        _ops.Clock.Advance(TimeSpan.FromMinutes(11));
        (await FindAsync<SecurityViolationsRule>()).ShouldBeEmpty();
    }

    [Fact]
    public async Task HealthDegraded_HoldsOnlyAfterTheGracePeriod_AndARecoveryStartsItAgain()
    {
        await _ops.SampleAsync("disk", HealthState.Degraded, TimeSpan.FromMinutes(9));
        await _ops.SampleAsync("disk", HealthState.Healthy, TimeSpan.FromMinutes(6));
        await _ops.SampleAsync("disk", HealthState.Degraded, TimeSpan.FromMinutes(4), "900 MB free");
        await _ops.SampleAsync("disk", HealthState.Unhealthy, TimeSpan.Zero, "200 MB free");
        (await FindAsync<HealthDegradedRule>()).ShouldBeEmpty("impaired for 4 minutes only since it recovered");

        _ops.Clock.Advance(TimeSpan.FromMinutes(2));
        await _ops.SampleAsync("disk", HealthState.Unhealthy, TimeSpan.Zero, "150 MB free");

        var finding = (await FindAsync<HealthDegradedRule>()).ShouldHaveSingleItem();
        finding.Subject.ShouldBe("disk");
        finding.Severity.ShouldBe(AlertSeverity.Critical);
        finding.Message.ShouldBe("disk has been unhealthy since 2026-12-01 11:56 UTC (6 min): 150 MB free");
    }

    [Fact]
    public async Task HealthDegraded_NeverHoldsForACheckThatIsNotConfigured()
    {
        await _ops.SampleAsync("github", HealthState.NotConfigured, TimeSpan.FromHours(2));
        await _ops.SampleAsync("github", HealthState.NotConfigured, TimeSpan.Zero);

        (await FindAsync<HealthDegradedRule>()).ShouldBeEmpty();
    }

    private async Task<IReadOnlyList<AlertFinding>> FindAsync<TRule>()
        where TRule : IAlertRule
    {
        var rule = _ops.Db.Services.GetServices<IAlertRule>().OfType<TRule>().Single();
        await using var context = _ops.Db.NewContext();
        var options = _ops.Db.Services.GetRequiredService<IOptionsMonitor<AlertOptions>>().CurrentValue;
        return await rule.FindAsync(context, _ops.Now, options, TestContext.Current.CancellationToken);
    }

    /// <summary>An approved recommendation whose write the database refuses: it ends Failed, decided now.</summary>
    private async Task FailApprovalAsync()
    {
        var scenario = new ApprovalScenario(_ops.Db);
        scenario.AsAdmin();
        var stream = await scenario.CreateStreamAsync();
        var submitted = await scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("priority", "High")));
        await _ops.Db.ExecuteRawAsync($"CREATE TRIGGER refuse_{stream.Id} BEFORE UPDATE ON Streams WHEN NEW.Id = {stream.Id} BEGIN SELECT RAISE(ABORT, 'disk full'); END");
        await Should.ThrowAsync<ApplyFailedException>(() => scenario.ApproveAsync(submitted.Id));
    }

    private async Task RefuseAsync(string userName, int times)
    {
        var user = ServiceDatabase.Principal(userName, Roles.Viewer);
        for (var i = 0; i < times; i++)
        {
            await Should.ThrowAsync<PermissionDeniedException>(() =>
                _ops.Db.AsAsync<AlertService, IReadOnlyList<AlertRow>>(user, alerts => alerts.ListOpenAsync()));
        }
    }
}
