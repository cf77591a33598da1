using Ava.Domain.Commands;
using MudBlazor;

namespace Ava.Dashboard.Features.Execution;

/// <summary>How the execution pages name and colour a run's status.</summary>
public static class ExecutionLabels
{
    public static string Of(CommandExecutionStatus status) => status switch
    {
        CommandExecutionStatus.AwaitingApproval => "Awaiting approval",
        CommandExecutionStatus.TimedOut => "Timed out",
        _ => status.ToString(),
    };

    public static Color ColorOf(CommandExecutionStatus status) => status switch
    {
        CommandExecutionStatus.Succeeded => Color.Success,
        CommandExecutionStatus.Failed or CommandExecutionStatus.TimedOut => Color.Error,
        CommandExecutionStatus.AwaitingApproval => Color.Warning,
        CommandExecutionStatus.Running => Color.Info,
        _ => Color.Default,
    };

    /// <summary>The command line as people read it; each value is one argument, shown quoted when it has spaces.</summary>
    public static string CommandLine(string command, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"'{a}'" : a).Prepend(command));

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "",
        { TotalSeconds: < 60 } d => $"{d.TotalSeconds:0.0} s",
        { TotalMinutes: < 60 } d => $"{(int)d.TotalMinutes} min {d.Seconds} s",
        var d => $"{(int)d.Value.TotalHours} h {d.Value.Minutes} min",
    };

    public static string Time(DateTimeOffset? at) => at?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss") ?? "";
}
