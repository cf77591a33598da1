using Ava.Domain.Commands;

namespace Ava.Infrastructure.Commands;

/// <summary>A run asked for: the command's name and a value for each argument the definition leaves open.</summary>
public sealed record CommandRequest(string Command, IReadOnlyList<string?> Arguments);

/// <summary>The queue (runs that have not ended) or the history (runs that have).</summary>
public enum ExecutionScope
{
    Queue,
    History,
}

/// <summary>Filters of the run list; null means any.</summary>
public sealed record ExecutionQuery(
    ExecutionScope? Scope = null,
    CommandExecutionStatus? Status = null,
    string? Command = null,
    string? RequestedBy = null);

public sealed record ExecutionRow(
    long Id,
    string CommandName,
    IReadOnlyList<string> Arguments,
    CommandExecutionStatus Status,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string? ApprovedBy,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int? ExitCode)
{
    public TimeSpan? Duration => StartedAt is { } start && EndedAt is { } end ? end - start : null;
}

/// <summary>One run with its output, as the run's page and the API show it.</summary>
public sealed record ExecutionDetail(
    long Id,
    string CommandName,
    IReadOnlyList<string> Arguments,
    CommandDecision Decision,
    CommandExecutionStatus Status,
    string RequestedById,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int? ExitCode,
    string StdOut,
    string StdErr,
    long StdOutBytes,
    long StdErrBytes,
    string? Sandbox,
    string? Message,
    string? CancelRequestedBy,
    string? JobId)
{
    public TimeSpan? Duration => StartedAt is { } start && EndedAt is { } end ? end - start : null;

    public bool IsFinished => Status.IsFinished();

    internal static ExecutionDetail From(CommandExecution e) => new(
        e.Id, e.CommandName, e.Arguments, e.Decision, e.Status, e.RequestedById, e.RequestedBy, e.RequestedAt, e.ApprovedBy, e.ApprovedAt,
        e.StartedAt, e.EndedAt, e.ExitCode, e.StdOut, e.StdErr, e.StdOutBytes, e.StdErrBytes, e.Sandbox, e.Message, e.CancelRequestedBy, e.JobId);
}
