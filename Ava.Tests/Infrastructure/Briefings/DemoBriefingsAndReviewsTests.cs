using Ava.Domain.Codestones;
using Ava.Domain.Recommendations;
using Ava.Infrastructure.Briefings;
using Ava.Infrastructure.Codestones;
using Ava.Infrastructure.Persistence;
using Ava.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Briefings;

/// <summary>What --demo shows of briefings and reviews, made by the offline generator at seeding time. Seeded once for the class.</summary>
public sealed class DemoBriefingsAndReviewsTests(DemoBriefingsAndReviewsTests.Demo demo) : IClassFixture<DemoBriefingsAndReviewsTests.Demo>
{
    public sealed class Demo : IAsyncLifetime
    {
        public ServiceDatabase Database { get; private set; } = default!;

        public async ValueTask InitializeAsync()
        {
            Database = await ServiceDatabase.CreateAsync(settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "true", ["AVA_DEMO_PASSWORD"] = "a-demo-password-long-enough" });
        }

        public async ValueTask DisposeAsync() => await Database.DisposeAsync();
    }

    [Fact]
    public async Task Demo_HasAFortnightOfBriefings_OneADayToToday_WrittenByTheOfflineGenerator()
    {
        await using var db = demo.Database.NewContext();
        var briefings = await db.MorningBriefings.Where(b => b.SupersededAt == null).OrderBy(b => b.Date).ToListAsync();

        briefings.Count.ShouldBe(BriefingsDemoSeeder.Days);
        briefings.Select(b => b.Date).ShouldBe(Enumerable.Range(0, BriefingsDemoSeeder.Days).Select(d => BriefingData.Today.AddDays(d - BriefingsDemoSeeder.Days + 1)));
        briefings.ShouldAllBe(b => b.IsOffline && b.TemplateVersion == "3.0.0" && b.GeneratedBy == "system:morning-briefing" && b.Markdown.Contains("## Key Themes"));
        briefings.Sum(b => b.StreamIds.Count).ShouldBeGreaterThan(BriefingsDemoSeeder.Days);
        (await db.BriefingRatings.CountAsync()).ShouldBeGreaterThan(10);
        (await db.BriefingRatings.AnyAsync(r => r.Date == BriefingData.Today)).ShouldBeFalse();
    }

    [Fact]
    public async Task Demo_HasADozenReviews_LowForTheCodeWithRealProblems_HighForTheRest_WithTheirRecommendationsQueued()
    {
        await using var db = demo.Database.NewContext();
        var reviews = await db.CodeReviews.OrderBy(r => r.CodestoneId).ToListAsync();
        var titles = await db.Codestones.ToDictionaryAsync(c => c.Id, c => c.Title);

        reviews.Count.ShouldBe(CodeReviewsDemoSeeder.Reviews);
        reviews.ShouldAllBe(r => r.Status == CodeReviewStatus.Completed && r.RecommendationId != null && r.RequestedBy == "developer@ava.local");
        var payments = reviews.Single(r => titles[r.CodestoneId] == "Payments client for charges and refunds");
        payments.SecurityIssues.ShouldContain(i => i.Contains("credential", StringComparison.Ordinal));
        payments.SecurityScore!.Value.ShouldBeLessThan(6);
        var calculator = reviews.Single(r => titles[r.CodestoneId] == "Express calculator endpoint for the pricing page");
        calculator.SecurityIssues.ShouldNotBeEmpty();
        var retry = reviews.Single(r => titles[r.CodestoneId] == "Retry decorator with exponential backoff and full jitter");
        retry.SecurityIssues.ShouldBeEmpty();
        retry.EclScore!.Value.ShouldBeGreaterThan(payments.EclScore!.Value + 0.15);
        var flask = reviews.Single(r => titles[r.CodestoneId] == "Flask endpoint: search members by e-mail");
        flask.SecurityIssues.ShouldContain(i => i.Contains("SQL", StringComparison.Ordinal));

        // Code with a security issue never reaches the "ready" band; clean code does.
        reviews.Where(r => r.SecurityIssues.Count > 0).ShouldAllBe(r => r.EclScore < 0.7 && r.RecommendedStatus == ReviewStatus.Draft);
        reviews.ShouldContain(r => r.SecurityIssues.Count == 0 && r.EclScore >= 0.7);

        var recommendations = await db.Recommendations.Where(r => r.Source == "code_review").ToListAsync();
        recommendations.Count.ShouldBe(CodeReviewsDemoSeeder.Reviews);
        recommendations.ShouldAllBe(r => r.Status == RecommendationStatus.Pending || r.Status == RecommendationStatus.Escalated);
        recommendations.ShouldContain(r => r.Status == RecommendationStatus.Pending);
        recommendations.Single(r => r.Id == payments.RecommendationId).Confidence.ShouldBe(payments.EclScore!.Value);
    }

    [Fact]
    public async Task Demo_IsSeededOnce_WhenTheAppStartsAgain()
    {
        await using (var scope = demo.Database.Services.CreateAsyncScope())
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
            {
                await seeder.SeedAsync(TestContext.Current.CancellationToken);
            }
        }

        await using var db = demo.Database.NewContext();
        (await db.MorningBriefings.CountAsync()).ShouldBe(BriefingsDemoSeeder.Days);
        (await db.CodeReviews.CountAsync()).ShouldBe(CodeReviewsDemoSeeder.Reviews);
    }
}
