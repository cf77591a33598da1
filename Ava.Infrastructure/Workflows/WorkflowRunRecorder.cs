using System.Reflection;
using Ava.Domain.Alerts;
using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Alerts;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Hangfire;
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
    LiveUpdates updates,
    TimeProvider clock,
    ILogger<WorkflowRunRecorder> logger) : IClientFilter, IServerFilter
{
    public const string TriggerParameter = "AvaTrigger";
    public const string RequeuedFromParameter = "AvaRequeuedFrom";
    public const string RequestedByParameter = "AvaRequestedBy";
    private const string LogScopeItem = "AvaLogScope";
    private const string CorrelationItem = "AvaCorrelation";

    public void OnCreating(CreatingContext context)
    {
        if (context.GetJobParameter<string>(TriggerParameter) is null)
        {
            context.SetJobParameter(TriggerParameter, WorkflowTriggerScope.Trigger ?? WorkflowTriggers.Schedule);
        }

        if (WorkflowTriggerScope.RequestedById is { } userId)
        {
            context.SetJobParameter(RequestedByParameter, userId);
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
                parameters.TryGetValue(RequestedByParameter, out var u) ? u as string : null,
                clock.GetUtcNow()),
            _ => { });
    }

    public void OnPerforming(PerformingContext context)
    {
        var correlationId = $"job-{context.BackgroundJob.Id}";
        context.Items[LogScopeItem] = Serilog.Context.LogContext.PushProperty("CorrelationId", correlationId);
        context.Items[CorrelationItem] = CorrelationContext.Begin(correlationId);
        var attempt = context.GetJobParameter<int>("RetryCount") + 1;
        Update(context, run => run.MarkStarted(attempt, clock.GetUtcNow()));
    }

    public void OnPerformed(PerformedContext context)
    {
        using var logScope = context.Items.TryGetValue(LogScopeItem, out var scope) ? scope as IDisposable : null;
        using var correlation = context.Items.TryGetValue(CorrelationItem, out var item) ? item as IDisposable : null;
        if (context.Exception is null || context.ExceptionHandled)
        {
            if (KeepsSucceededRuns(context.BackgroundJob.Job))
            {
                Update(context, run => run.MarkSucceeded(clock.GetUtcNow()));
            }
            else
            {
                ForgetRun(context.BackgroundJob.Id);
            }

            ResolveFailureAlert(WorkflowNameOf(context));
            return;
        }

        var retriesDone = context.GetJobParameter<int>("RetryCount");

        // A refused caller stays refused on the next attempt, and a stopped job knows another attempt cannot help:
        // the retry filter does not retry either.
        var willRetry = retriesDone < retryAttempts && !WorkflowCallerFilter.IsRefusal(context.Exception) && !IsStopped(context.Exception);
        var error = (context.Exception.InnerException ?? context.Exception).Message;
        if (willRetry)
        {
            Update(context, run => run.MarkAttemptFailed(error, willRetry: true, clock.GetUtcNow()));
            return;
        }

        logger.LogError(context.Exception, "Workflow job {JobId} failed after its last attempt", context.BackgroundJob.Id);
        RecordFinalFailure(context, error);
    }

    /// <summary>The run becomes Failed, an alert is raised and the audit trail records it, in one transaction.</summary>
    private void RecordFinalFailure(PerformContext context, string error)
    {
        var jobId = context.BackgroundJob.Id;
        using var scope = scopes.CreateScope();
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        using var db = contexts.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        var run = db.WorkflowRuns.SingleOrDefault(r => r.JobId == jobId);
        if (run is null)
        {
            run = NewRunFor(context);
            db.WorkflowRuns.Add(run);
        }

        // An administrator cancelled it: the job's end is not a failure.
        if (run.Status == WorkflowStatus.Cancelled)
        {
            return;
        }

        run.MarkAttemptFailed(error, willRetry: false, clock.GetUtcNow());
        var name = run.WorkflowName;
        var message = $"Workflow {name} failed after {run.Attempts} attempt(s): {error}";
        var (alert, outcome) = scope.ServiceProvider.GetRequiredService<AlertBook>()
            .RecordAsync(db, new AlertFinding(Alert.WorkflowFailedKind, name, AlertSeverity.Warning, message)).GetAwaiter().GetResult();
        db.SaveChanges();
        var entry = new AuditEntry(
            WorkflowAuditActions.Failed,
            $"workflow/{name}",
            Success: false,
            Error: error,
            Metadata: AuditTrail.Metadata(new { jobId, runId = run.Id, attempts = run.Attempts }));
        var actor = new AuditActor(null, SystemActor.NameFor(name), null, CorrelationContext.Id);
        trail.AppendAsync(db, entry, actor).GetAwaiter().GetResult();
        if (outcome == AlertOutcome.Raised)
        {
            trail.AppendAsync(db, AlertBook.RaisedEntry(alert!), actor).GetAwaiter().GetResult();
        }

        transaction.Commit();
        if (outcome != AlertOutcome.Silenced)
        {
            updates.Publish(new AlertsChanged());
        }

        updates.Publish(new WorkflowRunChanged(jobId));
    }

    /// <summary>A later run of the workflow succeeded: its active failure alert is resolved, with its audit event.</summary>
    private void ResolveFailureAlert(string name)
    {
        using var db = contexts.CreateDbContext();
        if (!db.Alerts.Any(a => a.Kind == Alert.WorkflowFailedKind && a.Subject == name && a.ResolvedAt == null))
        {
            return;
        }

        using var scope = scopes.CreateScope();
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var book = scope.ServiceProvider.GetRequiredService<AlertBook>();
        using var transaction = db.Database.BeginTransaction();
        var active = db.Alerts.Where(a => a.Kind == Alert.WorkflowFailedKind && a.Subject == name && a.ResolvedAt == null).ToList();
        foreach (var alert in active)
        {
            book.ResolveAsync(db, alert, $"A later run of {name} succeeded.").GetAwaiter().GetResult();
        }

        db.SaveChanges();
        var actor = new AuditActor(null, SystemActor.NameFor(name), null, CorrelationContext.Id);
        foreach (var alert in active)
        {
            trail.AppendAsync(db, AlertBook.ResolvedEntry(alert), actor).GetAwaiter().GetResult();
        }

        transaction.Commit();
        updates.Publish(new AlertsChanged());
    }

    /// <summary>A succeeded run of a workflow that keeps no succeeded runs leaves no row.</summary>
    private void ForgetRun(string jobId)
    {
        using var db = contexts.CreateDbContext();
        if (db.WorkflowRuns.Where(r => r.JobId == jobId && r.Status != WorkflowStatus.Cancelled).ExecuteDelete() > 0)
        {
            updates.Publish(new WorkflowRunChanged(jobId));
        }
    }

    private static bool KeepsSucceededRuns(Job job) =>
        (job.Method.GetCustomAttribute<WorkflowNameAttribute>() ?? job.Type.GetCustomAttribute<WorkflowNameAttribute>())?.KeepSucceededRuns ?? true;

    private static string WorkflowNameOf(PerformContext context) =>
        context.GetJobParameter<string>("RecurringJobId") ?? NameOf(context.BackgroundJob.Job);

    private static bool IsStopped(Exception exception) =>
        exception is WorkflowStoppedException || exception.InnerException is WorkflowStoppedException;

    internal static string NameOf(Job job) =>
        job.Method.GetCustomAttribute<WorkflowNameAttribute>()?.Name
        ?? job.Type.GetCustomAttribute<WorkflowNameAttribute>()?.Name
        ?? $"{job.Type.Name}.{job.Method.Name}";

    /// <summary>
    /// A worker can start a job before <see cref="OnCreated"/> has written its run (the job is queued
    /// before the client filters hear of it), so the worker side writes the run itself when it is missing.
    /// </summary>
    private void Update(PerformContext context, Action<WorkflowRun> change) =>
        Record(context.BackgroundJob.Id, () => NewRunFor(context), change);

    private static WorkflowRun NewRunFor(PerformContext context) =>
        NewRun(
            context.BackgroundJob,
            context.GetJobParameter<string>(TriggerParameter),
            context.GetJobParameter<string>("RecurringJobId"),
            context.GetJobParameter<long?>(RequeuedFromParameter),
            context.GetJobParameter<string>(RequestedByParameter),
            new DateTimeOffset(DateTime.SpecifyKind(context.BackgroundJob.CreatedAt, DateTimeKind.Utc)));

    private static WorkflowRun NewRun(BackgroundJob job, string? trigger, string? recurringJobId, long? requeuedFrom, string? requestedById, DateTimeOffset queuedAt)
    {
        var payload = InvocationData.SerializeJob(job.Job).SerializePayload();
        var run = new WorkflowRun(job.Id, recurringJobId ?? NameOf(job.Job), trigger ?? WorkflowTriggers.Schedule, payload, queuedAt, requestedById);
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

            // A run an administrator cancelled keeps that end, whatever its job reports afterwards.
            if (run.Status == WorkflowStatus.Cancelled)
            {
                return;
            }

            change(run);
            try
            {
                db.SaveChanges();
                updates.Publish(new WorkflowRunChanged(jobId));
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
