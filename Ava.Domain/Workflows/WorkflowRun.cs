using Ava.Domain.Common;

namespace Ava.Domain.Workflows;

/// <summary>
/// The durable record of one workflow execution (one background job, across its retries).
/// The job store may be in memory; this row is what survives a restart.
/// </summary>
public sealed class WorkflowRun : IVersioned
{
    public const int MaxErrorLength = 4000;
    public const int MaxStageLength = 200;

    private WorkflowRun()
    {
    }

    public WorkflowRun(string jobId, string workflowName, string trigger, string jobPayload, DateTimeOffset queuedAt, string? requestedById = null)
    {
        JobId = jobId;
        WorkflowName = workflowName;
        Trigger = trigger;
        RequestedById = requestedById;
        JobPayload = jobPayload;
        QueuedAt = queuedAt;
        Status = WorkflowStatus.Pending;
    }

    public long Id { get; private set; }

    /// <summary>The job id in the Hangfire storage that runs this.</summary>
    public string JobId { get; private set; } = "";

    public string WorkflowName { get; private set; } = "";

    /// <summary>"schedule", or "user:{name}" for a run started by a person.</summary>
    public string Trigger { get; private set; } = "";

    /// <summary>
    /// The id of the user the run acts for, with their permissions at the time each attempt starts;
    /// null when it acts as the workflow's system actor (a scheduled run).
    /// </summary>
    public string? RequestedById { get; private set; }

    /// <summary>The serialized job (type, method, arguments), used to queue it again after a restart.</summary>
    public string JobPayload { get; private set; } = "";

    public WorkflowStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public int? ProgressProcessed { get; private set; }

    public int? ProgressTotal { get; private set; }

    /// <summary>What the run is doing now, for workflows that report stages rather than items ("Writing the briefing").</summary>
    public string? ProgressStage { get; private set; }

    public DateTimeOffset QueuedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public TimeSpan? Duration => StartedAt is { } start && EndedAt is { } end ? end - start : null;

    public string? Error { get; private set; }

    /// <summary>When this run replaces an interrupted one, that run's id.</summary>
    public long? RequeuedFromRunId { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void NewVersion() => Version = Guid.NewGuid();

    public void MarkStarted(int attempt, DateTimeOffset at)
    {
        Status = WorkflowStatus.Running;
        Attempts = attempt;
        StartedAt ??= at;
        EndedAt = null;
    }

    public void MarkSucceeded(DateTimeOffset at)
    {
        Status = WorkflowStatus.Succeeded;
        EndedAt = at;
        Error = null;
    }

    public void MarkAttemptFailed(string error, bool willRetry, DateTimeOffset at)
    {
        Error = Truncate(error);
        Status = willRetry ? WorkflowStatus.Retrying : WorkflowStatus.Failed;
        EndedAt = willRetry ? null : at;
    }

    public void MarkInterrupted(DateTimeOffset at)
    {
        Status = WorkflowStatus.Interrupted;
        EndedAt = at;
        Error = "The process stopped while this run was in progress; it was queued again.";
    }

    /// <summary>Stopped by an administrator: it ends now and nothing its job reports afterwards changes it.</summary>
    public void MarkCancelled(string by, DateTimeOffset at)
    {
        if (Status is WorkflowStatus.Succeeded or WorkflowStatus.Failed or WorkflowStatus.Interrupted or WorkflowStatus.Cancelled)
        {
            throw new DomainException($"This run has ended already ({Status}).");
        }

        Status = WorkflowStatus.Cancelled;
        EndedAt = at;
        Error = Truncate($"Cancelled by {by}.");
    }

    /// <summary>Whether the run has ended, whatever the outcome.</summary>
    public bool HasEnded => Status is WorkflowStatus.Succeeded or WorkflowStatus.Failed or WorkflowStatus.Interrupted or WorkflowStatus.Cancelled;

    public void LinkToInterruptedRun(long runId) => RequeuedFromRunId = runId;

    public void ReportProgress(int processed, int total)
    {
        if (processed < 0 || total < 0 || processed > total)
        {
            throw new DomainException($"Progress {processed}/{total} is not valid.");
        }

        ProgressProcessed = processed;
        ProgressTotal = total;
    }

    private static string Truncate(string value) =>
        value.Length <= MaxErrorLength ? value : value[..MaxErrorLength];
}
