using System.Diagnostics;
using System.Security.Claims;
using System.Text;
using Ava.Domain.Commands;
using Ava.Domain.Security;
using Ava.Infrastructure.Commands;
using Ava.Infrastructure.Commands.Sandbox;
using Ava.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ava.Benchmarks;

/// <summary>
/// The execution queue: how long a submitted run waits before the run-command workflow claims it and
/// starts its process, what the sandbox's wrapper chain adds to starting a process, and what capturing
/// a command's output costs the dashboard at 10 MB/s — all through the real services, the real Hangfire
/// server and real processes.
/// </summary>
internal static class CommandBenchmarks
{
    private const int ChunkBytes = 1024 * 1024;

    public static async Task RunAsync(int runs)
    {
        var folder = Directory.CreateTempSubdirectory("ava-bench-commands-").FullName;
        var chunk = Path.Combine(folder, "chunk.txt");
        File.WriteAllText(chunk, LogLikeText(ChunkBytes));
        var stream = Path.Combine(folder, "stream.sh");
        File.WriteAllText(stream, $"for i in $(/usr/bin/seq 1 $1); do /usr/bin/cat {chunk}; /usr/bin/sleep 0.1; done\n");
        var quiet = Path.Combine(folder, "quiet.sh");
        File.WriteAllText(quiet, "for i in $(/usr/bin/seq 1 $1); do /usr/bin/sleep 0.1; done\n");

        var settings = new Dictionary<string, string?> { ["Workflows:RunServer"] = "true", ["Workflows:WorkerCount"] = "2" };
        Define(settings, 0, "true", "/usr/bin/true", []);
        Define(settings, 1, "stream-default-cap", "/bin/sh", [stream], open: "chunks", outputKb: 256);
        Define(settings, 2, "stream-largest-cap", "/bin/sh", [stream], open: "chunks", outputKb: 16 * 1024);
        Define(settings, 3, "quiet", "/bin/sh", [quiet], open: "chunks", outputKb: 256);
        Define(settings, 4, "flood", "/usr/bin/head", ["--bytes=200M", "/dev/zero"], outputKb: 256);

        await using var host = await ServiceDatabase.CreateAsync(settings: settings);
        host.User = await CreateAdminAsync(host);
        var hosted = host.Services.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        try
        {
            Console.WriteLine("| measurement | result | goal | |");
            Console.WriteLine("|---|---|---|---|");
            await LatencyAsync(host, runs);
            await SpawnCostAsync(host, runs);
            await CaptureCostAsync(host);
        }
        finally
        {
            foreach (var service in hosted)
            {
                await service.StopAsync(CancellationToken.None);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Submit (through the service, as an Admin) → the workflow claims the run (Running, just before the process starts) → the run ends.</summary>
    private static async Task LatencyAsync(ServiceDatabase host, int runs)
    {
        var toStart = new List<double>();
        var toEnd = new List<double>();
        for (var i = 0; i < runs + 5; i++)
        {
            var (started, ended, _) = await RunAndTimeAsync(host, "true", []);
            if (i >= 5)
            {
                toStart.Add(started.TotalMilliseconds);
                toEnd.Add(ended.TotalMilliseconds);
            }
        }

        var start = toStart.Order().ToArray();
        var end = toEnd.Order().ToArray();
        Measure.Report($"queue to start: submit → the workflow claims the run and starts its process ({runs} runs, one at a time)",
            $"p50 {Measure.Percentile(start, 50):0} ms, p95 {Measure.Percentile(start, 95):0} ms", "p95 ≤ 1 s", Measure.Percentile(start, 95) <= 1000);
        Measure.Report("queue to end, /usr/bin/true (start, sandbox, capture, result and audit stored)",
            $"p50 {Measure.Percentile(end, 50):0} ms, p95 {Measure.Percentile(end, 95):0} ms", "—", true);
    }

    /// <summary>The wrapper chain (setpriv, unshare, timeout, prlimit) against starting the program directly.</summary>
    private static async Task SpawnCostAsync(ServiceDatabase host, int runs)
    {
        var definition = host.Services.GetRequiredService<CommandPolicy>().Find("true")!;
        var sandboxHost = host.Services.GetRequiredService<SandboxHost>();
        var sandbox = host.Services.GetRequiredService<CommandSandbox>();
        var direct = await Measure.SamplesAsync(5, runs, async () =>
        {
            using var process = Process.Start(new ProcessStartInfo("/usr/bin/true") { UseShellExecute = false })!;
            await process.WaitForExitAsync();
        });
        var launch = await sandboxHost.PlanAsync(definition, []);
        var sandboxed = await Measure.SamplesAsync(5, runs, async () =>
        {
            var result = await sandbox.RunAsync(launch, definition, new OutputCapture(1024), new OutputCapture(1024), CancellationToken.None);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"The sandboxed run failed: {result.Outcome} {result.ExitCode}");
            }
        });
        Measure.Report($"sandboxed start and exit of /usr/bin/true ({launch.Description})",
            $"p50 {Measure.Percentile(sandboxed, 50):0.0} ms, p95 {Measure.Percentile(sandboxed, 95):0.0} ms", "—", true);
        Measure.Report("baseline: the same program started directly",
            $"p50 {Measure.Percentile(direct, 50):0.0} ms, p95 {Measure.Percentile(direct, 95):0.0} ms", "—", true);
    }

    /// <summary>
    /// The dashboard's CPU time per second while a command prints 1 MiB every 100 ms for 5 s, less its CPU time
    /// per second while a command of the same rhythm prints nothing (median of 3 interleaved rounds; the machine
    /// is shared); and the most a run can push through the capture.
    /// </summary>
    private static async Task CaptureCostAsync(ServiceDatabase host)
    {
        const string chunks = "50";
        var rounds = new Dictionary<string, List<(double CpuPerSecond, double MegabytesPerSecond)>>();
        for (var round = 0; round < 3; round++)
        {
            foreach (var command in new[] { "quiet", "stream-default-cap", "stream-largest-cap" })
            {
                var run = await CpuOfRunAsync(host, command, chunks);
                rounds.TryAdd(command, []);
                rounds[command].Add((run.Cpu.TotalMilliseconds / run.Wall.TotalSeconds, run.Bytes / run.Wall.TotalSeconds / 1_000_000));
            }
        }

        static double Median(IEnumerable<double> values) => values.Order().ElementAt(1);
        var quiet = Median(rounds["quiet"].Select(r => r.CpuPerSecond));
        foreach (var (command, label) in new[] { ("stream-default-cap", "256 KiB cap (the default): the rest counted, not kept"), ("stream-largest-cap", "16 MiB cap (the largest): kept, its last 64 KiB stored live 4 times a second") })
        {
            var loud = Median(rounds[command].Select(r => r.CpuPerSecond));
            var rate = Median(rounds[command].Select(r => r.MegabytesPerSecond));
            var perMegabyte = (loud - quiet) / rate;
            var atTenMegabytes = perMegabyte * 10 / 1000 * 100;
            Measure.Report($"output capture at 10 MB/s, {label}",
                $"{atTenMegabytes:0.0} % of one core ({perMegabyte:0.0} ms CPU per MB, measured at {rate:0.0} MB/s)", "≤ 10 % of a core", atTenMegabytes <= 10);
        }

        var idle = await IdleCpuAsync(TimeSpan.FromSeconds(5));
        Measure.Report("baseline: a run of the same rhythm printing nothing; no run at all", $"{quiet:0} ms CPU per second; {idle:0} ms per second", "—", true);
        var flood = await CpuOfRunAsync(host, "flood", null);
        Measure.Report("capture flat out: head --bytes=200M /dev/zero, 256 KiB cap",
            $"{flood.Bytes / flood.Wall.TotalSeconds / 1_000_000:0} MB/s, {flood.Cpu.TotalMilliseconds / (flood.Bytes / 1_000_000.0):0.00} ms CPU per MB", "—", true);
    }

    private static async Task<double> IdleCpuAsync(TimeSpan span)
    {
        var self = Process.GetCurrentProcess();
        var before = self.TotalProcessorTime;
        await Task.Delay(span);
        self.Refresh();
        return (self.TotalProcessorTime - before).TotalMilliseconds / span.TotalSeconds;
    }

    private static async Task<(TimeSpan Cpu, TimeSpan Wall, long Bytes)> CpuOfRunAsync(ServiceDatabase host, string command, string? argument)
    {
        var self = Process.GetCurrentProcess();
        self.Refresh();
        var cpuBefore = self.TotalProcessorTime;
        var (_, _, run) = await RunAndTimeAsync(host, command, argument is null ? [] : [argument]);
        self.Refresh();
        if (run.Status != CommandExecutionStatus.Succeeded)
        {
            throw new InvalidOperationException($"{command} ended {run.Status}: {run.Message} {run.StdErr}");
        }

        return (self.TotalProcessorTime - cpuBefore, run.Duration!.Value, run.StdOutBytes);
    }

    /// <summary>Submits a run and follows it through the queue's own activity events (no polling, which would cost CPU of its own).</summary>
    private static async Task<(TimeSpan Started, TimeSpan Ended, ExecutionDetail Run)> RunAndTimeAsync(ServiceDatabase host, string command, string?[] arguments)
    {
        var activity = host.Services.GetRequiredService<CommandActivity>();
        var started = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ended = new TaskCompletionSource<(TimeSpan, ExecutionDetail)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new Stopwatch();
        long id = -1;
        void OnActivity(CommandActivityEvent e)
        {
            if (e.Kind != CommandActivityKind.StatusChanged || e.ExecutionId != Volatile.Read(ref id))
            {
                return;
            }

            var at = clock.Elapsed;
            var run = ReadAsync(host, e.ExecutionId).GetAwaiter().GetResult();
            if (run.StartedAt is not null)
            {
                started.TrySetResult(at);
            }

            if (run.IsFinished)
            {
                ended.TrySetResult((at, run));
            }
        }

        activity.Changed += OnActivity;
        try
        {
            clock.Start();
            Volatile.Write(ref id, await SubmitAsync(host, command, arguments));

            // The run may have moved on before its id was known here.
            OnActivity(new CommandActivityEvent(CommandActivityKind.StatusChanged, id));
            var (end, detail) = await ended.Task.WaitAsync(TimeSpan.FromMinutes(2));
            return (await started.Task.WaitAsync(TimeSpan.FromSeconds(5)), end, detail);
        }
        finally
        {
            activity.Changed -= OnActivity;
        }
    }

    private static async Task<long> SubmitAsync(ServiceDatabase host, string command, string?[] arguments)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<CommandQueueService>().SubmitAsync(new CommandRequest(command, arguments));
    }

    private static async Task<ExecutionDetail> ReadAsync(ServiceDatabase host, long id)
    {
        await using var scope = host.Scope();
        return (await scope.ServiceProvider.GetRequiredService<CommandExecutionQueries>().GetAsync(id))!;
    }

    private static async Task<ClaimsPrincipal> CreateAdminAsync(ServiceDatabase host)
    {
        await using var scope = host.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        var admin = new AvaUser { UserName = "bench-admin@ava.local", Email = "bench-admin@ava.local", EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        await users.CreateAsync(admin, "a-benchmark-password-long-enough");
        await users.AddToRoleAsync(admin, Roles.Admin);
        return await host.SignedInPrincipalAsync(admin.Email);
    }

    private static void Define(Dictionary<string, string?> settings, int index, string name, string executable, string[] arguments, string? open = null, int outputKb = 256)
    {
        var prefix = $"Commands:Definitions:{index}:";
        settings[prefix + "Name"] = name;
        settings[prefix + "Executable"] = executable;
        settings[prefix + "OutputLimitKb"] = outputKb.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings[prefix + "TimeoutSeconds"] = "120";
        for (var i = 0; i < arguments.Length; i++)
        {
            settings[$"{prefix}Arguments:{i}:Value"] = arguments[i];
        }

        if (open is not null)
        {
            settings[$"{prefix}Arguments:{arguments.Length}:Name"] = open;
            settings[$"{prefix}Arguments:{arguments.Length}:Pattern"] = "[0-9]{1,4}";
        }
    }

    private static string LogLikeText(int bytes)
    {
        var text = new StringBuilder(bytes + 200);
        for (var i = 0; text.Length < bytes; i++)
        {
            text.Append($"2026-12-01T10:{i / 60 % 60:00}:{i % 60:00}Z INF sync-daemon: page {i} of the Notion export written, 42 blocks, 3 attachments\n");
        }

        return text.ToString(0, bytes);
    }
}
