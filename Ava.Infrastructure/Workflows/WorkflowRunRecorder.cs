using System.Reflection;
using Ava.Domain.Alerts;
using Ava.Domain.Audit;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Persistence;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ava.Infrastructure.Workflows;

/// <summary>
/// The one Hangfire filter that keeps the WorkflowRun table: a row when a job is created,
/// then every attempt's start and outcome. Failure after the last retry marks the run Failed.
/// </summary>
internal sealed class WorkflowRunRecorder(
    IDbContextFactory<AvaDbContext> contexts,
    IServiceScopeFactory scopes,
    int retryAttempts,
    TimeProvider clock,
    ILogger<WorkflowRunRecorder> logger) : IClientFilter, IServerFilter
{
    public const string TriggerParameter = "AvaTrigger";
    public const string RequeuedFromParameter = "AvaRequeuedFrom";
    private const string LogScopeItem = "AvaLogScope";
    private const string CorrelationItem = "AvaCorrelation";

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
        var correlationId = $"job-{context.BackgroundJob.Id}";
        context.Items[LogScopeItem] = Serilog.Context.LogContext.PushProperty("CorrelationId", correlationId);
        context.Items[CorrelationItem] = CorrelationContext.Begin(correlationId);
        var attempt = context.GetJobParameter<int>("RetryCount") + 1;
        Update(context.BackgroundJob.Id, run => run.MarkStarted(attempt, clock.GetUtcNow()));
    }

    public void OnPerformed(PerformedContext context)
    {
        using var logScope = context.Items.TryGetValue(LogScopeItem, out var scope) ? scope as IDisposable : null;
        using var correlation = context.Items.TryGetValue(CorrelationItem, out var item) ? item as IDisposable : null;
        if (context.Exception is null || context.ExceptionHandled)
        {
            Update(context.BackgroundJob.Id, run => run.MarkSucceeded(clock.GetUtcNow()));
            return;
        }

        var retriesDone = context.GetJobParameter<int>("RetryCount");
        var willRetry = retriesDone < retryAttempts;
        var error = (context.Exception.InnerException ?? context.Exception).Message;
        if (willRetry)
        {
            Update(context.BackgroundJob.Id, run => run.MarkAttemptFailed(error, willRetry: true, clock.GetUtcNow()));
            return;
        }

        logger.LogError(context.Exception, "Workflow job {JobId} failed after its last attempt", context.BackgroundJob.Id);
        RecordFinalFailure(context.BackgroundJob.Id, error);
    }

    /// <summary>The run becomes Failed and the audit trail records it, in one transaction.</summary>
    private void RecordFinalFailure(string jobId, string error)
    {
        using var scope = scopes.CreateScope();
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        using var db = contexts.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        var run = db.WorkflowRuns.SingleOrDefault(r => r.JobId == jobId);
        run?.MarkAttemptFailed(error, willRetry: false, clock.GetUtcNow());
        var name = run?.WorkflowName ?? jobId;
        var message = $"Workflow {name} failed after {run?.Attempts ?? 0} attempt(s): {error}";
        db.Alerts.Add(new Alert(Alert.WorkflowFailedKind, AlertSeverity.Warning, name, message.Length > 1000 ? message[..1000] : message, clock.GetUtcNow()));
        db.SaveChanges();
        var entry = new AuditEntry(
            AuditActions.WorkflowFailed,
            $"workflow/{run?.WorkflowName ?? jobId}",
            Success: false,
            Error: error,
            Metadata: AuditTrail.Metadata(new { jobId, runId = run?.Id, attempts = run?.Attempts }));
        trail.AppendAsync(db, entry, AuditActor.System(CorrelationContext.Id)).GetAwaiter().GetResult();
        transaction.Commit();
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
