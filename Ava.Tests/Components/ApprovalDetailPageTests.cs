using AngleSharp.Dom;
using Ava.Dashboard.Features.Approvals;
using Ava.Domain.Recommendations;
using Ava.Domain.Security;
using Ava.Infrastructure.Approvals;
using Ava.Tests.TestData;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static Ava.Tests.TestData.ApprovalScenario;

namespace Ava.Tests.Components;

public class ApprovalDetailPageTests : DashboardTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private ServiceDatabase _db = default!;

    [Fact]
    public async Task Approve_StaysDisabledUntilTheReviewIsConfirmed_AndApprovesWithTheConfirmation_WhenTheRecommendationNeedsReview()
    {
        var (scenario, id, streamId) = await ArrangeAsync(0.55, ("status", "Refined"));
        scenario.AsAdmin();
        var dialogs = RenderDialogProviders();
        var page = RenderPage(id);

        OpenDialog(Button(page, "Approve"));
        dialogs.WaitForElement(".mud-dialog", Wait);
        var approve = Button(dialogs, "Approve");
        approve.HasAttribute("disabled").ShouldBeTrue();

        await dialogs.Find(".mud-dialog input[type=checkbox]").ChangeAsync(new ChangeEventArgs { Value = true });
        Button(dialogs, "Approve").HasAttribute("disabled").ShouldBeFalse();
        await ClickAsync(Button(dialogs, "Approve"));

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => navigation.Uri.ShouldMatch(@"/changesets/\d+$"), Wait);
        var decided = (await scenario.GetAsync(id)).ShouldNotBeNull();
        decided.Status.ShouldBe(RecommendationStatus.Applied);
        navigation.Uri.ShouldEndWith($"/changesets/{decided.ChangeSetId}");
        (await scenario.GetStreamAsync(streamId)).ShouldNotBeNull().Values.Status.ShouldBe(Ava.Domain.Streams.StreamStatus.Refined);
    }

    [Fact]
    public async Task Approve_AsksNoReviewConfirmation_WhenTheRecommendationIsReady()
    {
        var (scenario, id, _) = await ArrangeAsync(0.9, ("priority", "High"));
        scenario.AsAdmin();
        var dialogs = RenderDialogProviders();
        var page = RenderPage(id);

        OpenDialog(Button(page, "Approve"));
        dialogs.WaitForElement(".mud-dialog", Wait);

        dialogs.FindAll(".mud-dialog input[type=checkbox]").ShouldBeEmpty();
        Button(dialogs, "Approve").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task Actions_AreShownDisabledWithTheReason_WhenADeveloperOpensTheRecommendation()
    {
        var (scenario, id, _) = await ArrangeAsync(0.9, ("priority", "High"));
        scenario.AsDeveloper();
        RenderDialogProviders();

        var page = RenderPage(id);

        foreach (var action in new[] { "Approve", "Reject", "Escalate" })
        {
            Button(page, action).HasAttribute("disabled").ShouldBeTrue($"{action} is disabled");
        }

        page.Find("[data-testid=decision-hint]").TextContent.ShouldBe("Only approvers can decide.");
        page.Find("[data-testid=change-preview]").TextContent.ShouldContain("High");
    }

    [Fact]
    public async Task Reject_NeedsAReason_AndShowsTheDecision_WhenGivenOne()
    {
        var (scenario, id, _) = await ArrangeAsync(0.9, ("priority", "High"));
        scenario.AsAdmin();
        var dialogs = RenderDialogProviders();
        var page = RenderPage(id);
        OpenDialog(Button(page, "Reject"));
        dialogs.WaitForElement(".mud-dialog", Wait);

        await ClickAsync(Button(dialogs, "Reject"));

        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").TextContent.ShouldContain("A reason is required to reject a recommendation."), Wait);
        (await scenario.GetAsync(id)).ShouldNotBeNull().Status.ShouldBe(RecommendationStatus.Pending);

        await dialogs.Find(".mud-dialog textarea").InputAsync(new ChangeEventArgs { Value = "Duplicate of an earlier finding." });
        await ClickAsync(Button(dialogs, "Reject"));

        page.WaitForAssertion(() => page.Find("[data-testid=decision]").TextContent.ShouldContain("Reason: Duplicate of an earlier finding."), Wait);
        page.Find("[data-testid=recommendation-status]").TextContent.ShouldBe("Rejected");
        page.FindAll("button").ShouldNotContain(b => b.TextContent.Trim() == "Approve");
    }

    [Fact]
    public async Task Page_ShowsAnotherApproversDecisionWithoutReload_WhileItIsOpen()
    {
        var (scenario, id, _) = await ArrangeAsync(0.9, ("priority", "High"));
        scenario.AsAdmin();
        RenderDialogProviders();
        var page = RenderPage(id);
        Button(page, "Approve").HasAttribute("disabled").ShouldBeFalse();

        scenario.As("second.admin@ava.local", Roles.Admin);
        await scenario.Use<RecommendationDecisions>(s => s.RejectAsync(id, "Not now."));

        page.WaitForAssertion(() => page.Find("[data-testid=recommendation-status]").TextContent.ShouldBe("Rejected"), Wait);
        page.Find("[data-testid=decision-notice]").TextContent.ShouldContain("second.admin@ava.local decided this recommendation while you were viewing it.");
        page.FindAll("button").ShouldNotContain(b => b.TextContent.Trim() == "Approve");
    }

    [Fact]
    public async Task Page_ShowsTheRationaleAsPlainTextWithItsLineBreaks()
    {
        _db = await UseDatabaseAsync();
        var scenario = new ApprovalScenario(_db);
        var stream = await scenario.CreateStreamAsync();
        scenario.AsDeveloper();
        var submitted = await scenario.Use<RecommendationIntake, SubmissionResult>(s => s.SubmitAsync(new RecommendationSubmission(
            [UpdateStream(stream.Id, ("status", "Refined"))], "Line one <b>not bold</b>\nLine two", 0.9, "api:ci-bot")));

        var page = RenderPage(submitted.Id);

        var rationale = page.Find("[data-testid=rationale]");
        rationale.TextContent.ShouldBe("Line one <b>not bold</b>\nLine two");
        rationale.QuerySelector("b").ShouldBeNull();
        page.Find("[data-testid=recommendation-facts]").TextContent.ShouldContain("api:ci-bot");
    }

    private async Task<(ApprovalScenario Scenario, long Id, long StreamId)> ArrangeAsync(double confidence, params (string Field, string? Value)[] fields)
    {
        _db = await UseDatabaseAsync();
        var scenario = new ApprovalScenario(_db);
        var stream = await scenario.CreateStreamAsync();
        var submitted = await scenario.SubmitAsync(confidence, UpdateStream(stream.Id, fields));
        return (scenario, submitted.Id, stream.Id);
    }

    private IRenderedComponent<MudDialogProvider> RenderDialogProviders()
    {
        Render<MudPopoverProvider>();
        return Render<MudDialogProvider>();
    }

    // The page checks the policy with the signed-in user; the services see the same user through the database.
    private IRenderedComponent<ApprovalDetailPage> RenderPage(long id)
    {
        var page = Render<ApprovalDetailPage>(p => p.Add(x => x.Id, id).AddCascadingValue(StateOf(_db.User)));
        page.WaitForElement("[data-testid=recommendation-facts]", Wait);
        return page;
    }

    private static IElement Button<TComponent>(IRenderedComponent<TComponent> component, string name)
        where TComponent : IComponent =>
        component.FindAll("button").Single(b => b.TextContent.Trim() == name);

    private static Task ClickAsync(IElement button) => button.ClickAsync(new MouseEventArgs());

    // An action button's handler waits for its dialog to close, so the click must not be awaited.
    private static void OpenDialog(IElement button) => _ = button.ClickAsync(new MouseEventArgs());
}
