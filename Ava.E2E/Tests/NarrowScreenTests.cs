using Ava.Domain.Recommendations;
using Ava.Domain.Streams;
using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.Streams;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

/// <summary>
/// The dashboard on a phone: a viewport 390 px wide (an iPhone 12 to 15). Approvers decide from their phones, so the
/// before and after of a change must stay readable there.
/// </summary>
public sealed class NarrowScreenTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    [Fact]
    public async Task EveryPage_FitsThePhonesWidth_ForAnAdminAndSignedOut()
    {
        // Arrange: the Admin opens every page there is, with an open alert about a user with a long name (the audit and
        // health pages list it); the sign-in pages are opened signed out.
        await App.RaiseSecurityAlertAsync($"a-user-with-a-rather-long-address-{Guid.NewGuid():N}@subdomain.example.test");
        var admin = await OpenPhonePageAsync(DemoUser.Admin);
        var signedOut = await OpenPageAsync();
        await signedOut.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        var misfits = new List<string>();

        // Act
        foreach (var (route, address) in await App.PagesOfAsync(DemoUser.Admin))
        {
            await admin.VisitAsync(route, address);
            await RecordMisfitAsync(admin, address, misfits);
        }

        foreach (var route in DashboardRoutes.All.Where(route => route.IsSignedOut))
        {
            await signedOut.VisitAsync(route, route.Template);
            await RecordMisfitAsync(signedOut, route.Template, misfits);
        }

        // Assert: nothing makes the page wider than the screen (wide tables scroll inside their own box).
        misfits.ShouldBeEmpty();
    }

    [Fact]
    public async Task ChangeSetAndPreview_StackBeforeAndAfter_OnAPhone()
    {
        // Arrange: a changeset that rewrote a stream's title and priority, and a pending recommendation for the same stream.
        var stream = await App.AsAsync<StreamService, StreamDetail>(DemoUser.Developer, s => s.CreateAsync(new StreamValues(
            $"Checkout latency after the cache change {Guid.NewGuid():N}"[..48], StreamSource.GitHub, StreamStatus.Raw, StreamPriority.Normal,
            "## Findings\n- p95 doubled at 09:00\n- the cache hit rate fell to 40%\n", 0.4, ["e2e"])));
        var applied = await App.AsAsync<RecommendationIntake, SubmissionResult>(DemoUser.Developer, s => s.SubmitAsync(Recommendation(
            stream.Id, ("title", "Checkout latency doubled by the cache eviction change"), ("priority", "High"))));
        var changeSetId = await App.AsAsync<RecommendationDecisions, long>(DemoUser.Admin, s => s.ApproveAsync(applied.Id));
        var pending = await App.AsAsync<RecommendationIntake, SubmissionResult>(DemoUser.Developer, s => s.SubmitAsync(Recommendation(
            stream.Id, ("status", "Refined"), ("priority", "Now"))));
        var page = await OpenPhonePageAsync(DemoUser.Admin);
        var changeSet = new ChangeSetDetailPage(page);
        var approval = new ApprovalDetailPage(page);
        var layout = new DashboardLayout(page);

        // Act
        await changeSet.GotoAsync(changeSetId);
        await layout.UserMenu.WaitUntilInteractiveAsync();

        // Assert: each value takes the width of the section, the value after under the value before.
        await ShouldStackAsync(changeSet.ValueCells("Stream", stream.Id, "title"), "the changeset's title");
        var changeSetFit = await page.FitAsync();
        Output.WriteLine($"Changeset #{changeSetId} on a phone: {changeSetFit}; {await page.SaveScreenshotAsync("changeset-detail-phone")}");
        changeSetFit.FitsWidth.ShouldBeTrue(changeSetFit.ToString());
        changeSetFit.ContentHeight.ShouldBeLessThan(2_500, "one entity with its 7 fields reads in a few screens");

        // Act
        await approval.GotoAsync(pending.Id);
        await layout.UserMenu.WaitUntilInteractiveAsync();

        // Assert
        await ShouldStackAsync(approval.ValueCells("priority"), "the preview's priority");
        var previewFit = await page.FitAsync();
        Output.WriteLine($"Recommendation #{pending.Id} on a phone: {previewFit}; {await page.SaveScreenshotAsync("approval-detail-phone")}");
        previewFit.FitsWidth.ShouldBeTrue(previewFit.ToString());
    }

    [Fact]
    public async Task NavigationDrawer_OpensOverThePage_AndClosesOnceASectionIsChosen_OnAPhone()
    {
        // Arrange
        var page = await OpenPhonePageAsync(DemoUser.Viewer);
        var home = new HomePage(page);
        await home.GotoAsync();
        var layout = home.Layout;
        await layout.NavigationToggle.WaitUntilInteractiveAsync();

        // Assert: on a phone the drawer starts closed, its links out of sight and out of the Tab order.
        await Expect(layout.SectionLink("Streams")).ToBeHiddenAsync();
        await Expect(layout.NavigationToggle).ToHaveAttributeAsync("aria-expanded", "false");

        // Act
        await layout.NavigationToggle.ClickAsync();

        // Assert: it covers the page from the left edge.
        await Expect(layout.SectionLink("Streams")).ToBeVisibleAsync();
        await Expect(layout.NavigationToggle).ToHaveAttributeAsync("aria-expanded", "true");
        await page.WaitForFunctionAsync("() => document.getElementById('app-drawer').getBoundingClientRect().left === 0");
        (await page.FitAsync()).FitsWidth.ShouldBeTrue("the open drawer does not widen the page");

        // Act
        await layout.SectionLink("Streams").ClickAsync();

        // Assert: the section opens and the drawer closes.
        await Expect(page).ToHaveURLAsync(UrlOf("/streams"));
        await Expect(layout.SectionLink("Streams")).ToBeHiddenAsync();
        await Expect(layout.NavigationToggle).ToHaveAttributeAsync("aria-expanded", "false");
    }

    private async Task<IPage> OpenPhonePageAsync(DemoUser user)
    {
        var page = await OpenPageSignedInAsync(user);
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        return page;
    }

    private static async Task RecordMisfitAsync(IPage page, string address, List<string> misfits)
    {
        var fit = await page.FitAsync();
        if (!fit.FitsWidth)
        {
            misfits.Add($"{address}: {fit} (screenshot {await page.SaveScreenshotAsync($"phone{address}")})");
        }
    }

    /// <summary>The cells of one field (before, after) each span most of the screen's width and sit one under the other.</summary>
    private static async Task ShouldStackAsync(ILocator cells, string what)
    {
        await Expect(cells).ToHaveCountAsync(2);
        await Expect(cells.Nth(0)).ToBeVisibleAsync();
        await Expect(cells.Nth(1)).ToBeVisibleAsync();
        var before = await cells.Nth(0).BoundingBoxAsync() ?? throw new InvalidOperationException($"{what}: the first value is not shown.");
        var after = await cells.Nth(1).BoundingBoxAsync() ?? throw new InvalidOperationException($"{what}: the second value is not shown.");
        before.Width.ShouldBeGreaterThan(PhoneWidth * 0.6f, $"{what}: the value before is {before.Width:0} px wide");
        after.Width.ShouldBeGreaterThan(PhoneWidth * 0.6f, $"{what}: the value after is {after.Width:0} px wide");
        after.Y.ShouldBeGreaterThanOrEqualTo(before.Y + before.Height - 1, $"{what}: the value after is beside the value before, not under it");
    }

    private static RecommendationSubmission Recommendation(long streamId, params (string Field, string Value)[] fields) =>
        new([new SubmittedChange("stream", streamId, fields.Select(f => new FieldChange(f.Field, f.Value)).ToList())],
            "The incident notes point to the eviction change.", 0.9, "triage");
}
