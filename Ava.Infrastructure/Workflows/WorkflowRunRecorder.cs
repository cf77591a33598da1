using System.Reflection;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Persistence;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ava.Infrastructure.Workflows;

/// <summary>
/// The one Hangfire filter that keeps the WorkflowRun table: a row when a job is created,
/// then every attempt's start and outcome. Failure after the last retry marks the run Failed.
/// </summary>
internal sealed class WorkflowRunRecorder(
    IDbContextFactory<AvaDbContext> contexts,
    int retryAttempts,
    TimeProvider clock,
    ILogger<WorkflowRunRecorder> logger) : IClientFilter, IServerFilter
{
    public const string TriggerParameter = "AvaTrigger";
    public const string RequeuedFromParameter = "AvaRequeuedFrom";
    private const string LogScopeItem = "AvaLogScope";

    public void OnCreating(CreatingContext context)
    {
        if (context.GetJobParameter<string>(TriggerParameter) is null)
        {
            context.SetJobParameter(TriggerParameter, WorkflowTriggerScope.Trigger ?? WorkflowTriggers.Schedule);
        }

        if (WorkflowTriggerScope.RequeuedFrom is { } runId)
        {
            context.SetJobParameter(RequeuedFromParameter, runId);
        }
    }

    public void OnCreated(CreatedContext context)
    {
        if (context.BackgroundJob is null || context.Canceled)
        {
            return;
        }

        var job = context.BackgroundJob.Job;
        var trigger = context.Parameters.TryGetValue(TriggerParameter, out var t) ? t as string ?? WorkflowTriggers.Schedule : WorkflowTriggers.Schedule;
        var name = context.Parameters.TryGetValue("RecurringJobId", out var r) && r is string recurringId ? recurringId : NameOf(job);
        var payload = InvocationData.SerializeJob(job).SerializePayload();
        var run = new WorkflowRun(context.BackgroundJob.Id, name, trigger, payload, clock.GetUtcNow());
        if (context.Parameters.TryGetValue(RequeuedFromParameter, out var previous) && previous is long previousRunId)
        {
            run.LinkToInterruptedRun(previousRunId);
        }

        using var db = contexts.CreateDbContext();
        db.WorkflowRuns.Add(run);
        db.SaveChanges();
    }

    public void OnPerforming(PerformingContext context)
    {
        context.Items[LogScopeItem] = Serilog.Context.LogContext.PushProperty("CorrelationId", $"job-{context.BackgroundJob.Id}");
        var attempt = context.GetJobParameter<int>("RetryCount") + 1;
        Update(context.BackgroundJob.Id, run => run.MarkStarted(attempt, clock.GetUtcNow()));
    }

    public void OnPerformed(PerformedContext context)
    {
        using var logScope = context.Items.TryGetValue(LogScopeItem, out var scope) ? scope as IDisposable : null;
        if (context.Exception is null || context.ExceptionHandled)
        {
            Update(context.BackgroundJob.Id, run => run.MarkSucceeded(clock.GetUtcNow()));
            return;
        }

        var retriesDone = context.GetJobParameter<int>("RetryCount");
        var willRetry = retriesDone < retryAttempts;
        var error = (context.Exception.InnerException ?? context.Exception).Message;
        Update(context.BackgroundJob.Id, run => run.MarkAttemptFailed(error, willRetry, clock.GetUtcNow()));
        if (!willRetry)
        {
            logger.LogError(context.Exception, "Workflow job {JobId} failed after its last attempt", context.BackgroundJob.Id);
        }
    }

    internal static string NameOf(Job job) =>
        job.Method.GetCustomAttribute<WorkflowNameAttribute>()?.Name
        ?? job.Type.GetCustomAttribute<WorkflowNameAttribute>()?.Name
        ?? $"{job.Type.Name}.{job.Method.Name}";

    private void Update(string jobId, Action<WorkflowRun> change)
    {
        using var db = contexts.CreateDbContext();
        var run = db.WorkflowRuns.SingleOrDefault(r => r.JobId == jobId);
        if (run is null)
        {
            // A job created before this process recorded runs (for example by another instance's older version).
            logger.LogWarning("No workflow run recorded for job {JobId}", jobId);
            return;
        }

        change(run);
        db.SaveChanges();
    }
}
