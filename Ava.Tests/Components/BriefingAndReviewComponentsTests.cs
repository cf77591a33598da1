using System.Security.Claims;
using Ava.Dashboard.Features.Briefings;
using Ava.Dashboard.Features.Codestones;
using Ava.Domain.Codestones;
using Ava.Domain.Security;
using Ava.Tests.TestData;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace Ava.Tests.Components;

/// <summary>The briefing reader and a codestone's reviews over the real services and a real database, as each role sees them.</summary>
public sealed class BriefingAndReviewComponentsTests : DashboardTestContext
{
    /// <summary>The components query a real database; a busy machine needs longer than bUnit's default second.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task BriefingPage_LetsAViewerRateButNotRegenerate_AndRatingNeedsStars()
    {
        var (database, viewer) = await DatabaseAsAsync(Roles.Viewer);
        await BriefingData.GenerateAsync(database, BriefingData.Today);

        var page = Render<BriefingPage>(p => p.Add(b => b.Date, $"{BriefingData.Today:yyyy-MM-dd}").AddCascadingValue(StateOf(viewer)));

        page.WaitForAssertion(() => page.Find("[data-testid=offline-notice]").TextContent.ShouldContain("offline generator"), Patience);
        page.FindAll("button").ShouldNotContain(b => b.TextContent.Contains("Regenerate", StringComparison.Ordinal));
        page.Find("[data-testid=rating-summary]").TextContent.Trim().ShouldBe("Nobody has rated this briefing yet.");
        RateButton(page).HasAttribute("disabled").ShouldBeTrue();

        page.FindAll(".mud-rating-item")[2].Click();
        RateButton(page).Click();

        page.WaitForAssertion(() => page.Find("[data-testid=rating-summary]").TextContent.Trim().ShouldBe("3.0 ★ from 1 reader"), Patience);
        page.Find("[data-testid=briefing-rating]").TextContent.ShouldContain("You rated it 3 ★");
        await using var db = database.NewContext();
        (await db.BriefingRatings.SingleAsync()).Stars.ShouldBe(3);
    }

    [Fact]
    public async Task BriefingPage_OffersRegenerate_ToAnAdmin()
    {
        var (database, admin) = await DatabaseAsAsync(Roles.Admin);
        await BriefingData.GenerateAsync(database, BriefingData.Today);

        var page = Render<BriefingPage>(p => p.Add(b => b.Date, $"{BriefingData.Today:yyyy-MM-dd}").AddCascadingValue(StateOf(admin)));

        page.WaitForAssertion(() => page.FindAll("button").ShouldContain(b => b.TextContent.Trim() == "Regenerate"), Patience);
    }

    [Theory]
    [InlineData(Roles.Developer, true)]
    [InlineData(Roles.Viewer, false)]
    public async Task ReviewsPanel_OffersARequestOnlyToThoseWhoMayRunPrompts(string role, bool offered)
    {
        var (database, user) = await DatabaseAsAsync(role);
        var codestone = await ReviewData.AddCodestoneAsync(database, "Adds two numbers", ReviewData.CleanCode);

        var panel = Render<CodeReviewsPanel>(p => p.Add(c => c.CodestoneId, codestone.Id).AddCascadingValue(StateOf(user)));

        panel.WaitForAssertion(() => panel.Markup.ShouldContain("No AI review yet."), Patience);
        panel.FindAll("button").Any(b => b.TextContent.Contains("Request AI review", StringComparison.Ordinal)).ShouldBe(offered);
    }

    [Fact]
    public async Task ReviewsPanel_ShowsTheQueuedReview_AndDisablesASecondRequestWhileItWaits()
    {
        var (database, developer) = await DatabaseAsAsync(Roles.Developer);
        var codestone = await ReviewData.AddCodestoneAsync(database, "Adds two numbers", ReviewData.CleanCode);
        var panel = Render<CodeReviewsPanel>(p => p.Add(c => c.CodestoneId, codestone.Id).AddCascadingValue(StateOf(developer)));
        panel.WaitForAssertion(() => panel.Markup.ShouldContain("No AI review yet."), Patience);

        RequestButton(panel).Click();

        panel.WaitForAssertion(() => panel.Find("[data-testid=review-status]").TextContent.ShouldBe("Queued"), Patience);
        await using var db = database.NewContext();
        var review = await db.CodeReviews.SingleAsync();
        review.Status.ShouldBe(CodeReviewStatus.Queued);
        panel.Find("[data-testid=review-waiting-hint]").TextContent.ShouldContain($"Review #{review.Id} is under way");
        RequestButton(panel).HasAttribute("disabled").ShouldBeTrue();
    }

    private static AngleSharp.Dom.IElement RateButton(IRenderedComponent<BriefingPage> page) =>
        page.FindAll("[data-testid=briefing-rating] button").Single(b => b.TextContent.Trim() is "Rate" or "Change rating");

    private static AngleSharp.Dom.IElement RequestButton(IRenderedComponent<CodeReviewsPanel> panel) =>
        panel.FindAll("button").Single(b => b.TextContent.Contains("Request AI review", StringComparison.Ordinal));

    /// <summary>A fresh database whose services act as a new user in <paramref name="role"/>, and that user as the page sees them.</summary>
    private async Task<(ServiceDatabase Database, ClaimsPrincipal User)> DatabaseAsAsync(string role)
    {
        var database = await UseDatabaseAsync();
        var account = await TestUsers.CreateAsync(database.Services, role);
        database.User = await database.SignedInPrincipalAsync(account.Email!);
        return (database, database.User);
    }
}
