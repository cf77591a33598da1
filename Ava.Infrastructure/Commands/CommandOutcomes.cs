using Ava.Domain.Commands;
using Ava.Infrastructure.Commands.Sandbox;

namespace Ava.Infrastructure.Commands;

/// <summary>How a sandbox result becomes a run's status and the sentence that explains it.</summary>
public static class CommandOutcomes
{
    private const int SignalBase = 128;

    /// <param name="cancelledBy">Who asked for the cancellation, when one was asked for.</param>
    /// <param name="stoppedByHost">The dashboard was stopping: the process was killed for that, not by a person.</param>
    public static (CommandExecutionStatus Status, string? Message) Describe(SandboxResult result, CommandDefinition definition, string? cancelledBy, bool stoppedByHost) =>
        result.Outcome switch
        {
            SandboxOutcome.NotStarted => (CommandExecutionStatus.Failed, result.Error),
            SandboxOutcome.TimedOut => (CommandExecutionStatus.TimedOut,
                $"Still running after its timeout of {Seconds(definition.Timeout)}; its whole process tree was killed."),
            SandboxOutcome.Cancelled when stoppedByHost => (CommandExecutionStatus.Failed,
                "The dashboard was stopping, so the command's whole process tree was killed before it finished."),
            SandboxOutcome.Cancelled => (CommandExecutionStatus.Cancelled,
                $"Cancelled by {cancelledBy ?? "someone"} while running; its whole process tree was killed."),
            _ when result.ExitCode == 0 => (CommandExecutionStatus.Succeeded, null),
            _ when result.ExitCode > SignalBase && result.ExitCode < SignalBase + 65 => (CommandExecutionStatus.Failed, Signalled(result.ExitCode.Value - SignalBase, definition)),
            _ => (CommandExecutionStatus.Failed, $"Exited with code {result.ExitCode}."),
        };

    private static string Signalled(int signal, CommandDefinition definition) => signal switch
    {
        24 => $"Stopped by SIGXCPU: it used its CPU time limit of {definition.Limits.CpuSeconds} s.",
        9 => "Killed by SIGKILL: the CPU time limit's hard stop, the kernel's out-of-memory killer, or another process.",
        25 => "Stopped by SIGXFSZ: it wrote a file larger than allowed.",
        11 => "Crashed with SIGSEGV (a memory fault; a memory limit can cause it).",
        6 => "Aborted (SIGABRT); an allocation refused by the memory limit can cause it.",
        15 => "Terminated by SIGTERM.",
        13 => "Stopped by SIGPIPE.",
        _ => $"Ended by signal {signal}.",
    } + $" (exit code {SignalBase + signal})";

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds < 120 ? $"{span.TotalSeconds:0} s" : span.TotalMinutes < 120 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalHours:0.#} h";
}
