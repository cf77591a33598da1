using Ava.Domain.Briefings;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Workflows;
using Ava.Tests.TestData;
using Ava.Tests.Web;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Briefings;

/// <summary>
/// The app stops while the scheduled morning-briefing run waits for the model's answer, and a new process
/// starts on the same database: the run is queued again from the WorkflowRuns table and today's briefing is
/// written exactly once.
/// </summary>
public sealed class MorningBriefingRestartTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Restart_FinishesTheInterruptedBriefingRunExactlyOnce_WhenTheAppStoppedWhileTheModelWasWriting()
    {
        await using var model = await LoopbackChatServer.StartAsync();
        // The first process never gets its answer; the process after the restart does.
        model.Script(
            ScriptedReply.Slow(TimeSpan.FromMinutes(5), MorningBriefingModelTests.ModelBriefing("Written before the restart.")),
            ScriptedReply.Text(MorningBriefingModelTests.ModelBriefing("Written after the restart.")));
        await using var restarted = new AvaAppFactory().WithLoopbackModel(model);
        WorkflowRun interrupted;
        await using (var first = new AvaAppFactory().WithLoopbackModel(model).WithSetting("ConnectionStrings:Ava", restarted.ConnectionString))
        {
            // What the scheduler does at 06:00: the recurring job runs as the system actor.
            var jobId = first.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(MorningBriefingJob.Name);
            interrupted = await Poll.UntilAsync(
                () => RunAsync(restarted, r => r.JobId == jobId),
                run => run.Status == WorkflowStatus.Running && run.ProgressProcessed == 1 && !model.Requests.IsEmpty,
                "the briefing run to wait for the model");
        }

        _ = restarted.Services;

        var requeued = await Poll.UntilAsync(
            () => RunAsync(restarted, r => r.RequeuedFromRunId == interrupted.Id),
            run => run.Status is WorkflowStatus.Succeeded or WorkflowStatus.Failed,
            $"the run re-queued from run {interrupted.Id} to end");
        requeued.Status.ShouldBe(WorkflowStatus.Succeeded, requeued.Error);
        requeued.WorkflowName.ShouldBe(MorningBriefingJob.Name);
        requeued.Trigger.ShouldBe(WorkflowTriggers.Schedule);
        (await RunAsync(restarted, r => r.Id == interrupted.Id))!.Status.ShouldBe(WorkflowStatus.Interrupted);
        model.Requests.Count.ShouldBe(2);
        await using (var db = restarted.OpenDatabase())
        {
            var briefing = await db.MorningBriefings.AsNoTracking().SingleAsync(b => b.Date == BriefingData.Today, Cancel);
            briefing.Revision.ShouldBe(1);
            briefing.Markdown.ShouldContain("Written after the restart.");
            briefing.GeneratedBy.ShouldBe("system:morning-briefing");
            (await db.AuditEvents.CountAsync(e => e.Action == BriefingAuditActions.Generated && e.Resource == $"briefing/{BriefingData.Today:yyyy-MM-dd}", Cancel)).ShouldBe(1);
        }

        // The schedule firing again that day writes nothing and asks the model nothing.
        var again = restarted.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(MorningBriefingJob.Name);
        var repeat = await Poll.UntilAsync(() => RunAsync(restarted, r => r.JobId == again), run => run.Status == WorkflowStatus.Succeeded, "the second scheduled run to succeed");
        repeat.ProgressStage!.ShouldContain("exists already");
        model.Requests.Count.ShouldBe(2);
        await using var check = restarted.OpenDatabase();
        (await check.MorningBriefings.CountAsync(b => b.Date == BriefingData.Today, Cancel)).ShouldBe(1);
    }

    private static async Task<WorkflowRun?> RunAsync(AvaAppFactory app, System.Linq.Expressions.Expression<Func<WorkflowRun, bool>> which)
    {
        await using var db = app.OpenDatabase();
        return await db.WorkflowRuns.AsNoTracking().SingleOrDefaultAsync(which);
    }
}
