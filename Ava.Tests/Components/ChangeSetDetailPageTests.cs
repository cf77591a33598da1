using Ava.Dashboard.Features.ChangeSets;
using Ava.Domain.ChangeSets;
using Ava.Domain.Security;
using Ava.Domain.Streams;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Streams;
using Ava.Tests.TestData;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static Ava.Tests.TestData.ApprovalScenario;

namespace Ava.Tests.Components;

/// <summary>The changeset page over the real services and a SQLite database: rollback, its refusals, and who may start one.</summary>
public sealed class ChangeSetDetailPageTests : DashboardTestContext, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private ServiceDatabase _db = default!;
    private ApprovalScenario _scenario = default!;
    private AsyncServiceScope _scope;

    public async ValueTask InitializeAsync()
    {
        _db = await ServiceDatabase.CreateAsync();
        _scenario = new ApprovalScenario(_db);
        _scenario.AsAdmin();
        _scope = _db.Services.CreateAsyncScope();
        Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<ChangeSetService>());
        Services.AddSingleton(_db.Services.GetRequiredService<Ava.Infrastructure.Common.LiveUpdates>());
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _scope.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task RollBack_ShowsRolledBackAndRestoresTheStream_WhenAnApproverGivesAReason()
    {
        var (stream, changeSetId) = await ApplyAsync(("priority", "High"), ("summary", "## What\n- pool of 50\n"));
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage(changeSetId, Approver(Roles.Developer));
        page.Find("tr[data-field=priority]").GetAttribute("data-written").ShouldBe("true");
        page.Find("tr[data-field=summary] ins .text-diff-text").TextContent.ShouldBe("- pool of 50");

        var rollingBack = StartRollBack(page);
        await dialogs.Find("textarea").InputAsync(new ChangeEventArgs { Value = "The incident is not resolved after all." });
        await ConfirmAsync(dialogs);
        await rollingBack.WaitAsync(Wait, Xunit.TestContext.Current.CancellationToken);

        page.WaitForAssertion(() => page.Find("[data-testid=rollback-facts]").TextContent.ShouldContain("Reason: “The incident is not resolved after all.”"), Wait);
        page.Find("[data-testid=changeset-facts]").TextContent.ShouldContain("Rolled back");
        RollBackButton(page).HasAttribute("disabled").ShouldBeTrue();
        dialogs.FindAll(".mud-dialog").ShouldBeEmpty();
        (await _scenario.GetStreamAsync(stream.Id))!.Values.Priority.ShouldBe(Sample.Priority);
    }

    [Fact]
    public async Task RollBack_ShowsTheConflictTableAndChangesNothing_WhenTheStreamWasEditedAfterTheChangeset()
    {
        var (stream, changeSetId) = await ApplyAsync(("priority", "High"));
        var applied = (await _scenario.GetStreamAsync(stream.Id))!;
        await _scenario.Use<StreamService, StreamDetail>(s => s.UpdateAsync(stream.Id, applied.Values with { Priority = StreamPriority.Now }, applied.Version));
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage(changeSetId, UserInRole(Roles.Admin));

        var rollingBack = StartRollBack(page);
        await dialogs.Find("textarea").InputAsync(new ChangeEventArgs { Value = "Wrong call." });
        await ConfirmAsync(dialogs);
        await rollingBack.WaitAsync(Wait, Xunit.TestContext.Current.CancellationToken);

        page.WaitForAssertion(() => page.FindAll("[data-testid=rollback-conflicts] tbody tr").Count.ShouldBe(1), Wait);
        var cells = page.FindAll("[data-testid=rollback-conflicts] tbody td").Select(c => c.TextContent).ToArray();
        cells.ShouldBe([$"Stream #{stream.Id}", "priority", "Now", "High"]);
        page.Find("[data-testid=rollback-conflicts]").TextContent.ShouldContain("Nothing was rolled back: 1 field was changed after this changeset was applied.");
        (await _scenario.GetChangeSetAsync(changeSetId))!.Summary.Status.ShouldBe(ChangeSetStatus.Applied);
        (await _scenario.GetStreamAsync(stream.Id))!.Values.Priority.ShouldBe(StreamPriority.Now);
    }

    [Fact]
    public async Task RollBack_KeepsTheDialogOpenWithTheReasonRequiredMessage_WhenTheReasonIsBlank()
    {
        var (_, changeSetId) = await ApplyAsync(("priority", "High"));
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage(changeSetId, UserInRole(Roles.Admin));

        var rollingBack = StartRollBack(page);
        await dialogs.Find("textarea").InputAsync(new ChangeEventArgs { Value = "   " });
        await ConfirmAsync(dialogs);

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("A reason is required to roll back a changeset."), Wait);
        dialogs.Find("textarea").GetAttribute("aria-invalid").ShouldBe("true");
        rollingBack.IsCompleted.ShouldBeFalse();
        (await _scenario.GetChangeSetAsync(changeSetId))!.Summary.Status.ShouldBe(ChangeSetStatus.Applied);
    }

    [Fact]
    public async Task RollBack_IsDisabledWithTheReason_ForADeveloperWhoMayOnlyLook()
    {
        var (_, changeSetId) = await ApplyAsync(("priority", "High"));
        _scenario.AsDeveloper();

        var page = RenderPage(changeSetId, UserInRole(Roles.Developer));

        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe($"Changeset #{changeSetId}"), Wait);
        RollBackButton(page).HasAttribute("disabled").ShouldBeTrue();
        page.Find("#rollback-note").TextContent.ShouldBe("Only approvers can roll back a changeset.");
    }

    private async Task<(StreamDetail Stream, long ChangeSetId)> ApplyAsync(params (string Field, string? Value)[] fields)
    {
        var stream = await _scenario.CreateStreamAsync();
        var submitted = await _scenario.SubmitAsync(0.9, UpdateStream(stream.Id, fields));
        return (stream, await _scenario.ApproveAsync(submitted.Id));
    }

    private IRenderedComponent<ChangeSetDetailPage> RenderPage(long id, System.Security.Claims.ClaimsPrincipal user)
    {
        Render<MudPopoverProvider>();
        var page = Render<ChangeSetDetailPage>(p => p.Add(c => c.Id, id).AddCascadingValue(StateOf(user)));
        page.WaitForAssertion(() => page.FindAll("[data-testid=change-record]").ShouldNotBeEmpty(), Wait);
        return page;
    }

    private static AngleSharp.Dom.IElement RollBackButton(IRenderedComponent<ChangeSetDetailPage> page) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Roll back");

    /// <summary>Clicks "Roll back"; the returned task ends when the page has handled the dialog's outcome.</summary>
    private static Task StartRollBack(IRenderedComponent<ChangeSetDetailPage> page) => RollBackButton(page).ClickAsync(new());

    private static async Task ConfirmAsync(IRenderedComponent<MudDialogProvider> dialogs)
    {
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog-actions button").Count.ShouldBe(2), Wait);
        await dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Roll back").ClickAsync(new());
    }
}
