using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Ava.Infrastructure.Commands.Sandbox;

public enum SandboxOutcome
{
    /// <summary>The process exited by itself (with any code, or killed by a signal it did not get from us).</summary>
    Exited,
    TimedOut,
    Cancelled,

    /// <summary>The program could not be started at all.</summary>
    NotStarted,
}

/// <param name="ExitCode">The exit code; 128 + N when signal N ended it.</param>
public sealed record SandboxResult(SandboxOutcome Outcome, int? ExitCode, TimeSpan Duration, string? Error);

/// <summary>
/// Runs one command in the sandbox <see cref="SandboxHost"/> plans: no shell, an argument list, the
/// cleared environment with only the allowed variables, its working directory, stdin closed, both
/// output streams drained into capped buffers. On timeout or cancellation, and after it exits, its whole
/// process tree is killed, so nothing it started outlives the run.
/// </summary>
public sealed class CommandSandbox(ILogger<CommandSandbox> logger)
{
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    /// <param name="launch">The chain <see cref="SandboxHost.PlanAsync"/> planned for this run of <paramref name="definition"/>.</param>
    public async Task<SandboxResult> RunAsync(
        SandboxLaunch launch,
        CommandDefinition definition,
        OutputCapture stdout,
        OutputCapture stderr,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(launch.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = definition.WorkingDirectory,
        };
        foreach (var argument in launch.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var name in definition.Environment)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        using var process = new Process { StartInfo = start };
        var clock = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            return new SandboxResult(SandboxOutcome.NotStarted, null, clock.Elapsed, $"{definition.Executable} could not be started: {ex.Message}");
        }

        process.StandardInput.Close();
        using var stopReading = new CancellationTokenSource();
        var draining = Task.WhenAll(
            stdout.DrainAsync(process.StandardOutput.BaseStream, stopReading.Token),
            stderr.DrainAsync(process.StandardError.BaseStream, stopReading.Token));

        using var timeout = new CancellationTokenSource(definition.Timeout);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var outcome = SandboxOutcome.Exited;
        try
        {
            await process.WaitForExitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            outcome = cancellationToken.IsCancellationRequested ? SandboxOutcome.Cancelled : SandboxOutcome.TimedOut;
        }
        finally
        {
            KillTree(process, launch);
        }

        var duration = clock.Elapsed;
        await WaitForExitAfterKillAsync(process);
        await FinishDrainingAsync(draining, stopReading);
        var exitCode = outcome == SandboxOutcome.Exited && process.HasExited ? process.ExitCode : (int?)null;
        return new SandboxResult(outcome, exitCode, duration, null);
    }

    /// <summary>
    /// Kills everything the run started. In a namespace, killing its first process makes the kernel kill the
    /// rest (grandchildren that left the process group included); in a process group, the group is killed
    /// and then any descendant still known by parentage.
    /// </summary>
    private void KillTree(Process process, SandboxLaunch launch)
    {
        if (launch.Isolation == SandboxIsolation.ProcessGroup && OperatingSystem.IsLinux())
        {
            // setsid made the first process the leader of a new group whose id is its pid.
            _ = SendSignal(-process.Id, SigKill);
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
        {
            // It exited between the check and the kill.
            logger.LogDebug(ex, "Process {ProcessId} was gone before it could be killed", process.Id);
        }
    }

    private async Task WaitForExitAfterKillAsync(Process process)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Process {ProcessId} did not exit within 10 s of being killed", process.Id);
        }
    }

    /// <summary>
    /// Output written before the end is read to its end; a descendant that escaped and still holds the pipe
    /// would keep it open forever, so reading stops after a short grace.
    /// </summary>
    private static async Task FinishDrainingAsync(Task draining, CancellationTokenSource stopReading)
    {
        if (await Task.WhenAny(draining, Task.Delay(DrainGrace)) != draining)
        {
            await stopReading.CancelAsync();
        }

        try
        {
            await draining;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Reading stopped; what was read is kept.
        }
    }

    private const int SigKill = 9;

    private static int SendSignal(int pid, int signal) => OperatingSystem.IsLinux() ? kill(pid, signal) : -1;

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // One plain libc call with integer arguments; no marshalling to generate.
    private static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054
}
