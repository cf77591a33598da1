using Ava.Domain.Workflows;
using Ava.Infrastructure.Workflows;
using Ava.Tests.TestData;
using Ava.Tests.Web;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Workflows;

/// <summary>
/// Jobs run on the app's real Hangfire server and every run is kept in the WorkflowRuns table, through
/// the retries the settings ask for (here 2 retries, 1 s apart).
/// </summary>
public sealed class WorkflowRunRecorderTests(WorkflowRunRecorderTests.App app) : IClassFixture<WorkflowRunRecorderTests.App>
{
    public sealed class App : AvaAppFactory
    {
        public App() => WithSetting("Workflows:RunServer", "true");
    }

    [Fact]
    public async Task Run_IsFailedAfterThreeAttemptsWithTheError_WhenTheJobAlwaysThrows()
    {
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();

        var jobId = jobs.Enqueue<AlwaysFailingJob>(job => job.RunAsync());

        var run = await WaitForRunAsync(jobId, WorkflowStatus.Failed);
        run.Attempts.ShouldBe(3);
        run.Error.ShouldBe(AlwaysFailingJob.Message);
        run.WorkflowName.ShouldBe(AlwaysFailingJob.Name);
        run.EndedAt.ShouldNotBeNull();
        await using var db = app.OpenDatabase();
        var failed = await db.AuditEvents.SingleAsync(e => e.Action == WorkflowAuditActions.Failed && e.Metadata!.Contains(jobId));
        failed.Success.ShouldBeFalse();
        failed.Resource.ShouldBe($"workflow/{AlwaysFailingJob.Name}");
        failed.UserName.ShouldBe($"system:{AlwaysFailingJob.Name}");
        failed.Error.ShouldBe(AlwaysFailingJob.Message);
        var alert = await db.Alerts.SingleAsync(a => a.Kind == Ava.Domain.Alerts.Alert.WorkflowFailedKind && a.Message.Contains(AlwaysFailingJob.Message));
        alert.Message.ShouldContain("after 3 attempt(s)");
    }

    [Fact]
    public async Task Run_IsSucceededAfterOneAttemptWithItsTrigger_WhenTheJobSucceeds()
    {
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        string jobId;

        using (WorkflowTriggerScope.Begin(WorkflowTriggers.User("tester@test.local"), requestedById: null))
        {
            jobId = jobs.Enqueue<SucceedingJob>(job => job.RunAsync());
        }

        var run = await WaitForRunAsync(jobId, WorkflowStatus.Succeeded);
        run.Attempts.ShouldBe(1);
        run.Error.ShouldBeNull();
        run.WorkflowName.ShouldBe(SucceedingJob.Name);
        run.Trigger.ShouldBe("user:tester@test.local");
        run.StartedAt.ShouldNotBeNull();
        run.EndedAt.ShouldNotBeNull();
    }

    private Task<WorkflowRun> WaitForRunAsync(string jobId, WorkflowStatus status) =>
        Poll.UntilAsync(
            async () =>
            {
                await using var db = app.OpenDatabase();
                return await db.WorkflowRuns.AsNoTracking().SingleOrDefaultAsync(r => r.JobId == jobId);
            },
            run => run.Status == status,
            $"job {jobId} to be recorded {status}");
}
