using Ava.Domain.ChangeSets;
using Ava.Domain.Recommendations;
using Ava.Domain.Tickets;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Approvals;

public sealed class ApprovalsDemoSeederTests : ApprovalServicesTest
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Db.Services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
        {
            await seeder.SeedAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task SeedAsync_FillsTheQueue_InTheReadyAndNeedsReviewBands_FromTriageAndTheSyncDaemon()
    {
        var page = await Scenario.Use<RecommendationQueries, RecommendationPage>(s => s.ListAsync(new RecommendationQuery(), new PageRequest(0, 100)));

        page.Total.ShouldBe(30);
        page.Counts.Ready.ShouldBeGreaterThan(10);
        page.Counts.NeedsReview.ShouldBeGreaterThan(5);
        page.Counts.Escalated.ShouldBe(3);
        // Without the demo users there are no demo reviews, so no code_review recommendations (DemoBriefingsAndReviewsTests has them).
        page.Items.Select(r => r.Source).Distinct().Order().ShouldBe(["api:sync-daemon", "triage"]);
        page.Items.Select(r => r.TargetType).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task SeedAsync_LeavesTenChangeSets_OneRolledBack_AndOneWhoseRollbackConflicts()
    {
        var sets = await Scenario.Use<ChangeSetService, Paged<ChangeSetRow>>(s => s.ListAsync(new ChangeSetQuery(), new PageRequest(0, 50)));
        sets.Total.ShouldBe(10);
        sets.Items.Count(s => s.Status == ChangeSetStatus.RolledBack).ShouldBe(1);

        var outcomes = new List<string>();
        foreach (var set in sets.Items.Where(s => s.Status == ChangeSetStatus.Applied))
        {
            try
            {
                await Scenario.Use<ChangeSetService>(s => s.RollbackAsync(set.Id, "Checking the demo data."));
                outcomes.Add("rolled back");
            }
            catch (RollbackConflictException)
            {
                outcomes.Add("conflict");
            }
        }

        outcomes.Count(o => o == "conflict").ShouldBe(1);
        outcomes.Count(o => o == "rolled back").ShouldBe(8);
    }

    [Fact]
    public async Task SeedAsync_OpensThreeTickets_OneInEachStatus_AndEveryPendingRecommendationCanBeApproved()
    {
        await using (var db = Db.NewContext())
        {
            (await db.Tickets.Select(t => t.Status).OrderBy(s => s).ToListAsync()).ShouldBe([TicketStatus.Open, TicketStatus.InProgress, TicketStatus.Resolved]);
        }

        var page = await Scenario.Use<RecommendationQueries, RecommendationPage>(s => s.ListAsync(new RecommendationQuery(), new PageRequest(0, 100)));
        foreach (var recommendation in page.Items)
        {
            await Scenario.ApproveAsync(recommendation.Id, confirmed: true);
        }

        await using var check = Db.NewContext();
        (await check.Recommendations.CountAsync(r => r.Status == RecommendationStatus.Applied)).ShouldBe(30 + 9);
    }
}
