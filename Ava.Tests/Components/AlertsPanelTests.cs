using AngleSharp.Dom;
using Ava.Dashboard.Features.Health;
using Ava.Domain.Alerts;
using Ava.Domain.Security;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Alerts;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Ava.Tests.Components;

/// <summary>The health page's alerts: acknowledging with a note, silencing until a time, cancelling a long-running workflow.</summary>
public sealed class AlertsPanelTests : DashboardTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private ServiceDatabase? _db;

    [Fact]
    public async Task Acknowledge_RecordsTheNote_AndTheRowSaysWhoAcknowledgedIt()
    {
        var id = await ArrangeAsync(Alert.ErrorRateKind, "requests");
        var dialogs = RenderDialogProviders();
        var panel = RenderPanel();
        panel.WaitForAssertion(() => Row(panel, id).TextContent.ShouldContain("Needs someone"), Wait);

        Open(panel.Find($"button[aria-label='Acknowledge alert {id}']"));
        dialogs.WaitForElement(".mud-dialog", Wait);
        await dialogs.Find(".mud-dialog textarea").ChangeAsync(new ChangeEventArgs { Value = "The proxy was restarted." });
        await Button(dialogs, "Acknowledge").ClickAsync(new MouseEventArgs());

        panel.WaitForAssertion(() => Row(panel, id).TextContent.ShouldContain("Acknowledged by admin@ava.local"), Wait);
        Row(panel, id).TextContent.ShouldContain("“The proxy was restarted.”");
        await using var context = _db!.NewContext();
        (await context.Alerts.SingleAsync(a => a.Id == id, Xunit.TestContext.Current.CancellationToken)).AcknowledgeNote.ShouldBe("The proxy was restarted.");
    }

    [Fact]
    public async Task Silence_ForADay_KeepsTheRuleAndSubjectQuiet_AndTheRowSaysUntilWhen()
    {
        var id = await ArrangeAsync(Alert.ChangeSetsFailedKind, "changesets");
        var dialogs = RenderDialogProviders();
        var panel = RenderPanel();
        panel.WaitForAssertion(() => Row(panel, id).ShouldNotBeNull(), Wait);

        Open(panel.Find($"button[aria-label='Silence alert {id}']"));
        dialogs.WaitForElement(".mud-dialog", Wait);
        await Button(dialogs, "1 day").ClickAsync(new MouseEventArgs());
        await Button(dialogs, "Silence").ClickAsync(new MouseEventArgs());

        panel.WaitForAssertion(() => Row(panel, id).TextContent.ShouldContain("Silenced until"), Wait);
        await using var context = _db!.NewContext();
        var silence = await context.AlertSilences.SingleAsync(Xunit.TestContext.Current.CancellationToken);
        (silence.Kind, silence.Subject).ShouldBe((Alert.ChangeSetsFailedKind, "changesets"));
        (silence.Until - DateTimeOffset.UtcNow).ShouldBeInRange(TimeSpan.FromHours(23), TimeSpan.FromHours(24));
    }

    [Fact]
    public async Task CancelRun_FromAWorkflowRunningLongAlert_CancelsTheRunAfterConfirmation()
    {
        await UseAdminDatabaseAsync();
        var runId = await RunningSinceAsync(DateTimeOffset.UtcNow.AddHours(-5));
        var id = await ArrangeAsync(Alert.WorkflowRunningLongKind, WorkflowRunningLongRule.SubjectOf(runId));
        var dialogs = RenderDialogProviders();
        var panel = RenderPanel();
        panel.WaitForAssertion(() => Row(panel, id).ShouldNotBeNull(), Wait);

        Open(Button(Row(panel, id), "Cancel run"));
        dialogs.WaitForElement(".mud-dialog", Wait);
        dialogs.Find(".mud-dialog").TextContent.ShouldContain($"Cancel run #{runId}?");
        await Button(dialogs, "Cancel run").ClickAsync(new MouseEventArgs());

        await using var context = _db!.NewContext();
        var run = await context.WorkflowRuns.SingleAsync(r => r.Id == runId, Xunit.TestContext.Current.CancellationToken);
        run.Status.ShouldBe(WorkflowStatus.Cancelled);
        run.Error.ShouldBe("Cancelled by admin@ava.local.");
    }

    [Fact]
    public async Task OpenAlerts_OfferNoWorkflowActions_ForAnotherRule()
    {
        var id = await ArrangeAsync(Alert.ErrorRateKind, "requests");
        RenderDialogProviders();

        var panel = RenderPanel();

        panel.WaitForAssertion(() => Row(panel, id).ShouldNotBeNull(), Wait);
        Row(panel, id).QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldBe(["Acknowledge", "Silence"]);
    }

    [Fact]
    public async Task EmptyList_SaysNothingIsOpen()
    {
        await UseAdminDatabaseAsync();

        var panel = RenderPanel();

        panel.WaitForAssertion(() => panel.Find("[data-testid=no-alerts]").TextContent.ShouldContain("No open alerts"), Wait);
    }

    private async Task UseAdminDatabaseAsync()
    {
        _db = await UseDatabaseAsync();
        _db.User = UserInRole(Roles.Admin);
    }

    /// <summary>An alert the rules would raise, recorded through the app's one place for it.</summary>
    private async Task<long> ArrangeAsync(string kind, string subject)
    {
        if (_db is null)
        {
            await UseAdminDatabaseAsync();
        }

        await using var context = _db!.NewContext();
        var (alert, _) = await _db.Services.GetRequiredService<AlertBook>().RecordAsync(context, new AlertFinding(kind, subject, AlertSeverity.Warning, $"{kind} holds for {subject}."));
        await context.SaveChangesAsync();
        return alert!.Id;
    }

    private async Task<long> RunningSinceAsync(DateTimeOffset startedAt)
    {
        await using var context = _db!.NewContext();
        var run = new WorkflowRun($"job-{Guid.NewGuid():N}", "archive-old-streams", "schedule", "{}", startedAt);
        run.MarkStarted(1, startedAt);
        context.WorkflowRuns.Add(run);
        await context.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        return run.Id;
    }

    private IRenderedComponent<MudDialogProvider> RenderDialogProviders()
    {
        Render<MudPopoverProvider>();
        return Render<MudDialogProvider>();
    }

    private IRenderedComponent<AlertsPanel> RenderPanel() =>
        Render<AlertsPanel>(p => p.AddCascadingValue(StateOf(_db!.User)));

    private static IElement Row(IRenderedComponent<AlertsPanel> panel, long id) =>
        panel.FindAll("tr").Single(r => r.QuerySelector($"button[aria-label='Silence alert {id}']") is not null);

    private static IElement Button(IRenderedComponent<MudDialogProvider> dialogs, string name) =>
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == name);

    private static IElement Button(IElement row, string name) =>
        row.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == name);

    // A button that opens a dialog waits for it to close, so the click must not be awaited.
    private static void Open(IElement button) => _ = button.ClickAsync(new MouseEventArgs());
}
