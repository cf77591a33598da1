using System.ComponentModel;
using Ava.Domain.Commands;
using Ava.Infrastructure.Commands;
using Ava.Infrastructure.Common;
using Microsoft.AspNetCore.Mvc;

namespace Ava.Dashboard.Api;

/// <summary>One argument of a command: a fixed value, or a value the caller gives that must match the pattern in full.</summary>
public sealed record CommandArgumentResource(
    int Position,
    [property: Description("The fixed value; null for an argument the caller gives.")] string? Value,
    [property: Description("The name of an argument the caller gives.")] string? Name,
    [property: Description("The .NET regular expression the whole value must match.")] string? Pattern,
    string? Description,
    [property: Description("The value the run form suggests.")] string? Default);

/// <summary>Linux limits per run; 0 means not limited.</summary>
public sealed record CommandLimitsResource(int CpuSeconds, int MemoryMb, int Processes);

/// <summary>An allow-listed command.</summary>
public sealed record CommandResource(
    string Name,
    string Description,
    string Executable,
    IReadOnlyList<CommandArgumentResource> Arguments,
    string WorkingDirectory,
    int TimeoutSeconds,
    int OutputLimitBytes,
    [property: Description("The environment variables passed through; every other one is cleared.")] IReadOnlyList<string> Environment,
    [property: Description("Allow, or Approval: a second person with the approver capability approves each run first.")] CommandDecision Decision,
    CommandLimitsResource Limits)
{
    internal static CommandResource From(CommandDefinition d) => new(
        d.Name, d.Description, d.Executable,
        d.Arguments.Select(a => new CommandArgumentResource(a.Position, a.FixedValue, a.Name, a.PatternText, a.Description, a.Default)).ToList(),
        d.WorkingDirectory, (int)d.Timeout.TotalSeconds, d.OutputLimitBytes, d.Environment, d.Decision,
        new CommandLimitsResource(d.Limits.CpuSeconds, d.Limits.MemoryMb, d.Limits.Processes));
}

/// <summary>A run to queue: the command's name and one value per argument it leaves open, in order. Each value is passed as one argument; no shell ever reads it.</summary>
public sealed record ExecutionSubmitRequest(
    [property: Description("The allow-listed command's name.")] string? Command,
    [property: Description("One value per open argument, in order; each must match its pattern in full.")] IReadOnlyList<string?>? Arguments);

/// <summary>One run with its captured output.</summary>
public sealed record ExecutionResource(
    long Id,
    string Command,
    IReadOnlyList<string> Arguments,
    CommandDecision Decision,
    CommandExecutionStatus Status,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    double? DurationSeconds,
    int? ExitCode,
    [property: Description("Standard output up to the command's cap; a last line '[output cut at …]' says how much more was not kept.")] string StdOut,
    string StdErr,
    [property: Description("Every byte written to standard output, kept or not.")] long StdOutBytes,
    long StdErrBytes,
    [property: Description("How the process was confined: isolation, account and limits.")] string? Sandbox,
    [property: Description("Why it ended the way it did.")] string? Message,
    string? CancelRequestedBy)
{
    internal static ExecutionResource From(ExecutionDetail e) => new(
        e.Id, e.CommandName, e.Arguments, e.Decision, e.Status, e.RequestedBy, e.RequestedAt, e.ApprovedBy, e.ApprovedAt, e.StartedAt, e.EndedAt,
        e.Duration?.TotalSeconds, e.ExitCode, e.StdOut, e.StdErr, e.StdOutBytes, e.StdErrBytes, e.Sandbox, e.Message, e.CancelRequestedBy);
}

public sealed record ExecutionListItem(
    long Id, string Command, IReadOnlyList<string> Arguments, CommandExecutionStatus Status, string RequestedBy, DateTimeOffset RequestedAt,
    string? ApprovedBy, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, int? ExitCode);

public sealed record ExecutionList(IReadOnlyList<ExecutionListItem> Items, int Page, int PageSize, int TotalCount);

/// <summary>The run list's query string.</summary>
public sealed record ExecutionListParameters(
    [property: FromQuery(Name = "scope"), Description("Queue (not ended) or History (ended); both when absent.")] string? Scope,
    [property: FromQuery(Name = "status"), Description("Queued, AwaitingApproval, Running, Succeeded, Failed, TimedOut or Cancelled.")] string? Status,
    [property: FromQuery(Name = "command"), Description("Exactly this command name.")] string? Command,
    [property: FromQuery(Name = "requestedBy"), Description("Part of the requester's name.")] string? RequestedBy,
    [property: FromQuery(Name = "page"), Description("Zero-based page number (default 0).")] int? Page,
    [property: FromQuery(Name = "pageSize"), Description("Rows per page, 1 to 200 (default 25).")] int? PageSize)
{
    internal (ExecutionQuery Query, PageRequest Page) ToQuery()
    {
        var values = new ApiValues();
        var query = new ExecutionQuery(
            values.Enum<ExecutionScope>(Scope, "scope"),
            values.Enum<CommandExecutionStatus>(Status, "status"),
            string.IsNullOrWhiteSpace(Command) ? null : Command.Trim(),
            string.IsNullOrWhiteSpace(RequestedBy) ? null : RequestedBy.Trim());
        ApiPaging.Check(values, Page ?? 0, PageSize ?? PageRequest.DefaultSize, PageRequest.MaxSize);
        values.ThrowIfInvalid();
        return (query, new PageRequest(Page ?? 0, PageSize ?? PageRequest.DefaultSize));
    }
}
