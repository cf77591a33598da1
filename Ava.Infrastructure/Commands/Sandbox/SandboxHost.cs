using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Ava.Infrastructure.Commands.Sandbox;

/// <summary>How one run is started: the wrapper chain in front of the program, and how it was confined.</summary>
/// <param name="FileName">The first program of the chain.</param>
/// <param name="Arguments">The rest of the chain, then the program and its own arguments.</param>
/// <param name="Isolation">Namespace or ProcessGroup; null when the machine offers neither (not Linux).</param>
/// <param name="Description">What applied, in words, for the run's record.</param>
public sealed record SandboxLaunch(string FileName, IReadOnlyList<string> Arguments, SandboxIsolation? Isolation, string Description);

/// <summary>
/// Builds the wrapper chain every command runs under, from util-linux and coreutils, all given argument
/// lists (never a shell):
/// <c>setpriv --no-new-privs [--reuid --regid --init-groups]</c> → <c>unshare --user --map-current-user
/// --pid --fork --kill-child</c> (or <c>setsid</c>) → <c>timeout</c> (the first process of the namespace, which
/// reports a signal as 128 + its number, and stops the command if the dashboard itself dies) →
/// <c>prlimit --cpu --as --nproc --core=0</c> → the program.
/// Whether this machine allows user namespaces is found out once, by trying.
/// </summary>
public sealed class SandboxHost
{
    /// <summary>Extra time the in-sandbox timeout gives over the dashboard's own, which normally acts first.</summary>
    private const int BackstopGraceSeconds = 5;

    private readonly CommandOptions _options;
    private readonly ILogger<SandboxHost> _logger;
    private readonly Lazy<Task<SandboxIsolation?>> _isolation;
    private readonly string? _runAs;

    public SandboxHost(CommandOptions options, ILogger<SandboxHost> logger)
    {
        _options = options;
        _logger = logger;
        _runAs = string.IsNullOrWhiteSpace(options.RunAsUser) ? null : options.RunAsUser.Trim();
        _isolation = new Lazy<Task<SandboxIsolation?>>(ChooseIsolationAsync);
    }

    /// <summary>The isolation runs get on this machine; null when there is none (not Linux, or the tools are missing).</summary>
    public Task<SandboxIsolation?> IsolationAsync() => _isolation.Value;

    /// <summary>Whether the processes run as root (Linux does not enforce the process-count limit for root).</summary>
    public bool RunsAsRoot => _runAs is null ? Environment.IsPrivilegedProcess : _runAs == "root";

    public async Task<SandboxLaunch> PlanAsync(CommandDefinition definition, IReadOnlyList<string> programArguments)
    {
        var isolation = await IsolationAsync();
        if (isolation is null)
        {
            return new SandboxLaunch(definition.Executable, programArguments, null,
                "no sandbox on this machine (needs Linux with util-linux): cleared environment and timeout only");
        }

        var chain = new List<string>();
        chain.AddRange(PrivilegeArguments());
        if (isolation == SandboxIsolation.Namespace)
        {
            chain.AddRange([Tools.Unshare!, "--user", "--map-current-user", "--pid", "--fork", "--kill-child", "--"]);
        }
        else
        {
            chain.Add(Tools.Setsid!);
        }

        var backstop = (int)Math.Ceiling(definition.Timeout.TotalSeconds) + BackstopGraceSeconds;
        chain.AddRange([Tools.Timeout!, "--kill-after=2", $"{backstop}s"]);
        var limits = definition.Limits;
        var countsProcesses = limits.Processes > 0 && (isolation == SandboxIsolation.Namespace || _runAs is not null);
        chain.AddRange([Tools.Prlimit!, "--core=0"]);
        if (limits.CpuSeconds > 0)
        {
            // SIGXCPU at the soft limit (the run shows "CPU time limit"), SIGKILL a second later if it is ignored.
            chain.Add($"--cpu={limits.CpuSeconds}:{limits.CpuSeconds + 1}");
        }

        if (limits.MemoryMb > 0)
        {
            chain.Add($"--as={(long)limits.MemoryMb * 1024 * 1024}");
        }

        if (countsProcesses)
        {
            chain.Add($"--nproc={limits.Processes}");
        }

        chain.Add("--");
        chain.Add(definition.Executable);
        chain.AddRange(programArguments);
        return new SandboxLaunch(chain[0], chain.Skip(1).ToList(), isolation, Describe(isolation.Value, limits, countsProcesses));
    }

    private IEnumerable<string> PrivilegeArguments()
    {
        if (Tools.Setpriv is null)
        {
            yield break;
        }

        yield return Tools.Setpriv;
        yield return "--no-new-privs";
        if (_runAs is not null && LinuxAccounts.Ids(_runAs) is { } ids)
        {
            yield return $"--reuid={ids.UserId}";
            yield return $"--regid={ids.GroupId}";
            yield return "--init-groups";
        }

        yield return "--";
    }

    private string Describe(SandboxIsolation isolation, ResourceLimits limits, bool countsProcesses)
    {
        var parts = new List<string>
        {
            isolation == SandboxIsolation.Namespace ? "own user and PID namespace" : "own session and process group",
            _runAs is null ? (RunsAsRoot ? "as root" : "as the dashboard's user") : $"as {_runAs}",
            limits.CpuSeconds > 0 ? $"CPU {limits.CpuSeconds} s" : "CPU not limited",
            limits.MemoryMb > 0 ? $"memory {limits.MemoryMb} MiB" : "memory not limited",
            limits.Processes == 0 ? "processes not limited"
                : !countsProcesses ? "process count not limited (a process group shares the count with the dashboard's user)"
                : RunsAsRoot ? $"{limits.Processes} processes (not enforced for root)"
                : $"{limits.Processes} processes",
        };
        return string.Join("; ", parts);
    }

    private async Task<SandboxIsolation?> ChooseIsolationAsync()
    {
        if (!OperatingSystem.IsLinux() || Tools.Timeout is null || Tools.Prlimit is null || Tools.Setsid is null)
        {
            _logger.LogWarning("Commands run without a sandbox: this machine lacks Linux's util-linux and coreutils tools (setsid, prlimit, timeout)");
            return null;
        }

        if (_options.Isolation == SandboxIsolation.ProcessGroup)
        {
            return SandboxIsolation.ProcessGroup;
        }

        var problem = await TryNamespacesAsync();
        if (problem is null)
        {
            _logger.LogInformation("Commands run in their own user and PID namespace");
            return SandboxIsolation.Namespace;
        }

        if (_options.Isolation == SandboxIsolation.Namespace)
        {
            throw new InvalidOperationException($"Commands:Isolation is Namespace, but this machine does not allow it: {problem}");
        }

        _logger.LogWarning("Commands run in a process group only: user namespaces are not available here ({Problem})", problem);
        return SandboxIsolation.ProcessGroup;
    }

    /// <returns>Null when a namespaced process starts and exits cleanly, otherwise what went wrong.</returns>
    private async Task<string?> TryNamespacesAsync()
    {
        if (Tools.Unshare is null || Tools.True is null)
        {
            return "unshare is not installed";
        }

        var chain = PrivilegeArguments().Concat([Tools.Unshare, "--user", "--map-current-user", "--pid", "--fork", "--kill-child", "--", Tools.True]).ToList();
        var start = new ProcessStartInfo(chain[0]) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in chain.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var probe = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var error = await probe.StandardError.ReadToEndAsync(timeout.Token);
            await probe.WaitForExitAsync(timeout.Token);
            return probe.ExitCode == 0 ? null : $"exit code {probe.ExitCode}: {error.Trim()}";
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            return ex.Message;
        }
    }

    /// <summary>The absolute paths of the tools the chain uses, or null where one is missing.</summary>
    internal static class Tools
    {
        public static readonly string? Unshare = Find("unshare");
        public static readonly string? Setsid = Find("setsid");
        public static readonly string? Setpriv = Find("setpriv");
        public static readonly string? Prlimit = Find("prlimit");
        public static readonly string? Timeout = Find("timeout");
        public static readonly string? True = Find("true");

        private static string? Find(string name) =>
            new[] { "/usr/bin", "/bin", "/usr/sbin", "/sbin" }.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
    }
}
