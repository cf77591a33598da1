using Ava.Domain.Alerts;
using Ava.Infrastructure.Alerts;
using Ava.Infrastructure.Workflows;
using Ava.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace Ava.Tests.Infrastructure.Alerts;

/// <summary>
/// The rule job over time (a test clock): one active alert per rule and subject, silences that keep a rule quiet
/// until their time, alerts that close by themselves when the condition clears, and the webhook messages owed.
/// </summary>
public sealed class AlertLifecycleTests : IAsyncLifetime
{
    private OperationsDatabase _ops = default!;

    public async ValueTask InitializeAsync() =>
        _ops = await OperationsDatabase.CreateAsync(new Dictionary<string, string?> { ["Alerts:WebhookUrl"] = "http://127.0.0.1:9/alerts" });

    public ValueTask DisposeAsync() => _ops.DisposeAsync();

    [Fact]
    public async Task AConditionThatHoldsAgain_IsCountedOnTheActiveAlert_NotRaisedTwice()
    {
        await _ops.TallyAsync(TimeSpan.FromMinutes(5), 100, 40);

        var first = await _ops.EvaluateAsync();
        _ops.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await _ops.EvaluateAsync();

        (first.Raised, second.Raised, second.SeenAgain).ShouldBe((1, 0, 1));
        var alert = await SingleAlertAsync(Alert.ErrorRateKind);
        (alert.Count, alert.LastSeenAt).ShouldBe((2, _ops.Now));
        (await NotificationsAsync()).ShouldBe([AlertEvent.Raised]);
    }

    [Fact]
    public async Task ASilencedAlert_StaysQuietUntilItsTime_ThenTheConditionRaisesANewOne()
    {
        await _ops.TallyAsync(TimeSpan.FromMinutes(5), 100, 40);
        await _ops.EvaluateAsync();
        var raised = await SingleAlertAsync(Alert.ErrorRateKind);
        var until = _ops.Now.AddHours(3);
        await _ops.Db.AsAsync<AlertService, AlertSilence>(_ops.Db.User, s => s.SilenceAsync(raised.Id, until, "Known: the proxy is being replaced."));

        // The hour with errors passes: the alert closes, and the receiver is not told (it is silenced).
        _ops.Clock.Advance(TimeSpan.FromMinutes(61));
        (await _ops.EvaluateAsync()).Resolved.ShouldBe(1);

        // The errors come back within the silence: nothing is raised, nothing is sent.
        await _ops.TallyAsync(TimeSpan.FromMinutes(5), 100, 50);
        var quiet = await _ops.EvaluateAsync();
        (quiet.Raised, quiet.Silenced).ShouldBe((0, 1));
        _ops.Clock.Advance(TimeSpan.FromMinutes(61));
        await _ops.TallyAsync(TimeSpan.FromMinutes(5), 100, 50);
        (await _ops.EvaluateAsync()).Silenced.ShouldBe(1);
        (await AlertsAsync(Alert.ErrorRateKind)).Count.ShouldBe(1);

        // Its time passes: the condition raises a new alert, and the receiver hears of it.
        _ops.Clock.Advance(TimeSpan.FromMinutes(59));
        _ops.Now.ShouldBeGreaterThan(until);
        await _ops.TallyAsync(TimeSpan.FromMinutes(5), 100, 50);
        (await _ops.EvaluateAsync()).Raised.ShouldBe(1);
        (await AlertsAsync(Alert.ErrorRateKind)).Count.ShouldBe(2);
        (await NotificationsAsync()).ShouldBe([AlertEvent.Raised, AlertEvent.Raised]);
    }

    [Fact]
    public async Task ASilence_HidesAnActiveAlertFromTheOpenList_UntilItsTime()
    {
        await _ops.TallyAsync(TimeSpan.FromMinutes(5), 100, 40);
        await _ops.EvaluateAsync();
        var alert = await SingleAlertAsync(Alert.ErrorRateKind);
        await _ops.Db.AsAsync<AlertService, AlertSilence>(_ops.Db.User, s => s.SilenceAsync(alert.Id, _ops.Now.AddMinutes(30), null));

        var during = await _ops.Db.AsAsync<AlertService, IReadOnlyList<AlertRow>>(_ops.Db.User, s => s.ListOpenAsync());
        _ops.Clock.Advance(TimeSpan.FromMinutes(31));
        var after = await _ops.Db.AsAsync<AlertService, IReadOnlyList<AlertRow>>(_ops.Db.User, s => s.ListOpenAsync());

        during.ShouldBeEmpty();
        after.ShouldHaveSingleItem().Id.ShouldBe(alert.Id);
    }

    [Fact]
    public async Task AnAutoResolvedAlert_Closes_WithItsResolutionAuditedAndSent()
    {
        var runId = await _ops.RunningSinceAsync(TimeSpan.FromHours(5));
        await _ops.EvaluateAsync();
        var raised = await SingleAlertAsync(Alert.WorkflowRunningLongKind);
        raised.Subject.ShouldBe(WorkflowRunningLongRule.SubjectOf(runId));

        await _ops.Db.AsAsync<WorkflowRunActions, bool>(_ops.Db.User, async actions =>
        {
            await actions.CancelAsync(runId);
            return true;
        });
        _ops.Clock.Advance(TimeSpan.FromMinutes(1));
        var evaluation = await _ops.EvaluateAsync();

        evaluation.Resolved.ShouldBe(1);
        var closed = await SingleAlertAsync(Alert.WorkflowRunningLongKind);
        (closed.ResolvedAt, closed.Resolution).ShouldBe((_ops.Now, "The condition cleared."));
        (await NotificationsAsync()).ShouldBe([AlertEvent.Raised, AlertEvent.Resolved]);
        await using var context = _ops.Db.NewContext();
        var actions = await context.AuditEvents.Where(e => e.Resource == $"alert/{closed.Id}").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        actions.ShouldBe([AlertAuditActions.Raised, AlertAuditActions.Resolved]);

        // Once resolved it is history: the list of open alerts no longer has it; the recent one does.
        var open = await _ops.Db.AsAsync<AlertService, IReadOnlyList<AlertRow>>(_ops.Db.User, s => s.ListOpenAsync());
        open.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnAcknowledgedAlert_StillClosesWhenTheConditionClears()
    {
        await _ops.TallyAsync(TimeSpan.FromMinutes(5), 100, 40);
        await _ops.EvaluateAsync();
        var alert = await SingleAlertAsync(Alert.ErrorRateKind);
        await _ops.Db.AsAsync<AlertService, AlertRow>(_ops.Db.User, s => s.AcknowledgeAsync(alert.Id, "On it."));

        _ops.Clock.Advance(TimeSpan.FromMinutes(61));
        await _ops.EvaluateAsync();

        var closed = await SingleAlertAsync(Alert.ErrorRateKind);
        (closed.AcknowledgedBy, closed.AcknowledgeNote, closed.IsResolved).ShouldBe(("admin@ava.local", "On it.", true));
    }

    [Fact]
    public async Task ARuleJobWithNothingToDo_WritesNothing()
    {
        var evaluation = await _ops.EvaluateAsync();

        evaluation.ShouldBe(new AlertEvaluation(0, 0, 0, 0, 0));
        (await AlertsAsync(Alert.ErrorRateKind)).ShouldBeEmpty();
    }

    private async Task<Alert> SingleAlertAsync(string kind) => (await AlertsAsync(kind)).ShouldHaveSingleItem();

    private async Task<List<Alert>> AlertsAsync(string kind)
    {
        await using var context = _ops.Db.NewContext();
        return await context.Alerts.AsNoTracking().Where(a => a.Kind == kind).OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<List<AlertEvent>> NotificationsAsync()
    {
        await using var context = _ops.Db.NewContext();
        return await context.AlertNotifications.OrderBy(n => n.Id).Select(n => n.Event).ToListAsync();
    }
}
