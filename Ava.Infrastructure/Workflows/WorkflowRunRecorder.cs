using System.Reflection;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Persistence;
using Hangfire;
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

        var parameters = context.Parameters;
        Record(
            context.BackgroundJob.Id,
            () => NewRun(
                context.BackgroundJob,
                parameters.TryGetValue(TriggerParameter, out var t) ? t as string : null,
                parameters.TryGetValue("RecurringJobId", out var r) ? r as string : null,
                parameters.TryGetValue(RequeuedFromParameter, out var p) ? p as long? : null,
                clock.GetUtcNow()),
            _ => { });
    }

    public void OnPerforming(PerformingContext context)
    {
        context.Items[LogScopeItem] = Serilog.Context.LogContext.PushProperty("CorrelationId", $"job-{context.BackgroundJob.Id}");
        var attempt = context.GetJobParameter<int>("RetryCount") + 1;
        Update(context, run => run.MarkStarted(attempt, clock.GetUtcNow()));
    }

    public void OnPerformed(PerformedContext context)
    {
        using var logScope = context.Items.TryGetValue(LogScopeItem, out var scope) ? scope as IDisposable : null;
        if (context.Exception is null || context.ExceptionHandled)
        {
            Update(context, run => run.MarkSucceeded(clock.GetUtcNow()));
            return;
        }

        var retriesDone = context.GetJobParameter<int>("RetryCount");
        var willRetry = retriesDone < retryAttempts;
        var error = (context.Exception.InnerException ?? context.Exception).Message;
        Update(context, run => run.MarkAttemptFailed(error, willRetry, clock.GetUtcNow()));
        if (!willRetry)
        {
            logger.LogError(context.Exception, "Workflow job {JobId} failed after its last attempt", context.BackgroundJob.Id);
        }
    }

    internal static string NameOf(Job job) =>
        job.Method.GetCustomAttribute<WorkflowNameAttribute>()?.Name
        ?? job.Type.GetCustomAttribute<WorkflowNameAttribute>()?.Name
        ?? $"{job.Type.Name}.{job.Method.Name}";

    /// <summary>
    /// A worker can start a job before <see cref="OnCreated"/> has written its run (the job is queued
    /// before the client filters hear of it), so the worker side writes the run itself when it is missing.
    /// </summary>
    private void Update(PerformContext context, Action<WorkflowRun> change) =>
        Record(
            context.BackgroundJob.Id,
            () => NewRun(
                context.BackgroundJob,
                context.GetJobParameter<string>(TriggerParameter),
                context.GetJobParameter<string>("RecurringJobId"),
                context.GetJobParameter<long?>(RequeuedFromParameter),
                new DateTimeOffset(DateTime.SpecifyKind(context.BackgroundJob.CreatedAt, DateTimeKind.Utc))),
            change);

    private static WorkflowRun NewRun(BackgroundJob job, string? trigger, string? recurringJobId, long? requeuedFrom, DateTimeOffset queuedAt)
    {
        var payload = InvocationData.SerializeJob(job.Job).SerializePayload();
        var run = new WorkflowRun(job.Id, recurringJobId ?? NameOf(job.Job), trigger ?? WorkflowTriggers.Schedule, payload, queuedAt);
        if (requeuedFrom is { } previousRunId)
        {
            run.LinkToInterruptedRun(previousRunId);
        }

        return run;
    }

    /// <summary>Applies a change to the job's run, writing the run first if it is not there yet.</summary>
    private void Record(string jobId, Func<WorkflowRun> create, Action<WorkflowRun> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var db = contexts.CreateDbContext();
            var run = db.WorkflowRuns.SingleOrDefault(r => r.JobId == jobId);
            if (run is null)
            {
                run = create();
                db.WorkflowRuns.Add(run);
            }

            change(run);
            try
            {
                db.SaveChanges();
                return;
            }
            catch (DbUpdateException ex) when (attempt == 1)
            {
                // The client and the worker both wrote the missing run; the other one won, so apply the change to theirs.
                logger.LogDebug(ex, "Workflow run for job {JobId} was written concurrently; retrying", jobId);
            }
        }
    }
}
