using Ava.Domain.Workflows;
using Ava.Tests.TestData;
using Ava.Tests.Web;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Workflows;

/// <summary>
/// A restart with the in-memory job store loses every queued job; the WorkflowRuns table does not.
/// Each test prepares the database an earlier process left behind, then starts the real app on it.
/// The earlier process's job ids are the in-memory store's first ones, as they would be after a restart.
/// </summary>
public sealed class WorkflowRecoveryTests
{
    private static readonly DateTimeOffset EarlierProcess = DateTimeOffset.UtcNow.AddMinutes(-10);

    [Fact]
    public async Task Start_MarksTheRunningRunInterruptedAndRunsItsJobAgain_WhenTheAppRestarts()
    {
        await using var app = new AvaAppFactory().WithSetting("Workflows:RunServer", "true");
        var interrupted = await SeedRunAsync(app, "1", Job.FromExpression<SucceedingJob>(job => job.RunAsync()), run => run.MarkStarted(1, EarlierProcess));

        _ = app.Services;

        var requeued = await Poll.UntilAsync(
            async () =>
            {
                await using var db = app.OpenDatabase();
                return await db.WorkflowRuns.AsNoTracking().SingleOrDefaultAsync(r => r.RequeuedFromRunId == interrupted.Id);
            },
            run => run.Status == WorkflowStatus.Succeeded,
            $"a run re-queued from run {interrupted.Id} to succeed");
        requeued.WorkflowName.ShouldBe(SucceedingJob.Name);
        requeued.Attempts.ShouldBe(1);
        requeued.JobId.ShouldNotBe(interrupted.JobId);
        var old = await FindRunAsync(app, interrupted.Id);
        old.Status.ShouldBe(WorkflowStatus.Interrupted);
        old.EndedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Start_LeavesFinishedRunsAloneAndRecordsNewJobsSeparately_WhenTheAppRestarts()
    {
        await using var app = new AvaAppFactory().WithSetting("Workflows:RunServer", "true");
        var finished = await SeedRunAsync(app, "1", Job.FromExpression<SucceedingJob>(job => job.RunAsync()), run =>
        {
            run.MarkStarted(1, EarlierProcess);
            run.MarkSucceeded(EarlierProcess.AddSeconds(1));
        });

        var jobId = app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<SucceedingJob>(job => job.RunAsync());

        var newRun = await Poll.UntilAsync(
            async () =>
            {
                await using var db = app.OpenDatabase();
                return await db.WorkflowRuns.AsNoTracking().SingleOrDefaultAsync(r => r.JobId == jobId && r.Id != finished.Id);
            },
            run => run.Status == WorkflowStatus.Succeeded,
            $"job {jobId} to be recorded as a run of its own");
        newRun.RequeuedFromRunId.ShouldBeNull();
        var old = await FindRunAsync(app, finished.Id);
        old.Status.ShouldBe(WorkflowStatus.Succeeded);
        old.EndedAt.ShouldBe(finished.EndedAt);
        await using var check = app.OpenDatabase();
        (await check.WorkflowRuns.CountAsync(r => r.RequeuedFromRunId == finished.Id, TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    /// <summary>Creates the database file as the earlier process left it, with one run of <paramref name="job"/>.</summary>
    private static async Task<WorkflowRun> SeedRunAsync(AvaAppFactory app, string jobId, Job job, Action<WorkflowRun> state)
    {
        await using var db = app.OpenDatabase();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        var payload = InvocationData.SerializeJob(job).SerializePayload();
        var run = new WorkflowRun(jobId, SucceedingJob.Name, WorkflowTriggers.Schedule, payload, EarlierProcess);
        state(run);
        db.WorkflowRuns.Add(run);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return run;
    }

    private static async Task<WorkflowRun> FindRunAsync(AvaAppFactory app, long id)
    {
        await using var db = app.OpenDatabase();
        return await db.WorkflowRuns.AsNoTracking().SingleAsync(r => r.Id == id, TestContext.Current.CancellationToken);
    }
}
