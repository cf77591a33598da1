using System.Globalization;
using Ava.Domain.Commands;
using Ava.Infrastructure.Commands;
using Ava.Tests.TestData;
using Ava.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Commands;

/// <summary>
/// The real app with its Hangfire server on, and an allow-list of real programs of this machine (and small
/// shell scripts, given as script files) for the execution queue's tests. When the tests run as root, commands
/// run as <c>nobody</c>, as a root dashboard should be configured.
/// </summary>
public class CommandsApp : AvaAppFactory, IAsyncLifetime
{
    private static readonly string Sh = "/bin/sh";

    public CommandsApp()
        : this("Auto")
    {
    }

    protected CommandsApp(string isolation)
    {
        Scripts = Directory.CreateTempSubdirectory("ava-command-scripts-").FullName;
        AllowEveryoneToRead(Scripts, directory: true);

        // Unique sleep lengths name this app's processes, so a test can find them on the machine and nobody else's.
        Marker = $"{Random.Shared.Next(1000, 9000)}.{Random.Shared.Next(100000, 999999)}";
        var grandchild = Script("grandchild.sh", $"""
            /usr/bin/sleep {Marker}1 &
            /usr/bin/setsid /usr/bin/sleep {Marker}2 &
            ( /usr/bin/sleep {Marker}3 & )
            echo started
            /usr/bin/sleep {Marker}4
            """);
        var forks = Script("forks.sh", """
            for i in 1 2 3 4 5 6 7 8 9 10; do /usr/bin/sleep 3 & done
            wait
            echo all started
            """);

        WithSetting("Workflows:RunServer", "true");
        WithSetting("Commands:Isolation", isolation);
        if (Environment.IsPrivilegedProcess)
        {
            WithSetting("Commands:RunAsUser", "nobody");
        }

        TestDefinition[] definitions =
        [
            new("list-folder", "/usr/bin/ls", [TestArgument.Fixed("-l"), TestArgument.Open("path", "[A-Za-z0-9_][A-Za-z0-9_./-]*")], WorkingDirectory: Scripts),
            new("echo", "/usr/bin/echo", [TestArgument.Open("word", "[a-z]+")]),
            new("grandchild", Sh, [TestArgument.Fixed(grandchild)], TimeoutSeconds: 3),
            new("sleep-long", "/usr/bin/sleep", [TestArgument.Fixed($"{Marker}5")], TimeoutSeconds: 120),
            new("print-10mb", "/usr/bin/seq", [TestArgument.Fixed("1"), TestArgument.Fixed(SeqCount.ToString(CultureInfo.InvariantCulture))], OutputLimitKb: 64),
            new("print-environment", "/usr/bin/printenv", Environment: ["AVA_TEST_ALLOWED", "AVA_TEST_UNSET"]),
            new("needs-approval", "/usr/bin/echo", [TestArgument.Fixed("approved run")], Decision: "approval"),
            new("burn-cpu", "/usr/bin/sha256sum", [TestArgument.Fixed("/dev/zero")], CpuSeconds: 1),
            new("big-buffer", "/usr/bin/dd", [TestArgument.Fixed("if=/dev/zero"), TestArgument.Fixed("of=/dev/null"), TestArgument.Fixed("bs=64M"), TestArgument.Fixed("count=1")], MemoryMb: 32),
            new("fork-many", Sh, [TestArgument.Fixed(forks)], Processes: 4),
        ];
        foreach (var (key, value) in definitions.SelectMany((d, i) => d.Settings(i)))
        {
            WithSetting(key, value);
        }
    }

    /// <summary>How many numbers print-10mb prints: a little over 10 MB of output.</summary>
    public const int SeqCount = 1_500_000;

    public string Scripts { get; }

    /// <summary>The start of the sleep lengths of this app's scripts (<c>sleep {Marker}1</c> ... <c>{Marker}5</c>).</summary>
    public string Marker { get; }

    /// <summary>Submits a run as <paramref name="email"/> through the app's own service.</summary>
    public async Task<long> SubmitAsync(string email, string command, params string?[] arguments)
    {
        await using var scope = await CallerScope.CreateAsync(Services, email);
        return await scope.ServiceProvider.GetRequiredService<CommandQueueService>().SubmitAsync(new CommandRequest(command, arguments));
    }

    public async Task AsAsync(string email, Func<CommandQueueService, Task> call)
    {
        await using var scope = await CallerScope.CreateAsync(Services, email);
        await call(scope.ServiceProvider.GetRequiredService<CommandQueueService>());
    }

    public async Task<CommandExecution> ExecutionAsync(long id)
    {
        await using var db = OpenDatabase();
        return await db.CommandExecutions.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    public Task<CommandExecution> WaitForAsync(long id, Func<CommandExecution, bool> done, string waitingFor) =>
        Poll.UntilAsync(async () => await ExecutionAsync(id), done, $"run {id} {waitingFor}");

    public Task<CommandExecution> WaitForEndAsync(long id) => WaitForAsync(id, e => e.Status.IsFinished(), "to end");

    /// <summary>Starts the app (and so migrates its database) before a test reads the database directly.</summary>
    public ValueTask InitializeAsync()
    {
        _ = Services;
        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Scripts, recursive: true);
        GC.SuppressFinalize(this);
    }

    private string Script(string name, string text)
    {
        var path = Path.Combine(Scripts, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        AllowEveryoneToRead(path, directory: false);
        return path;
    }

    /// <summary>Commands may run as another account (nobody), which must read the scripts.</summary>
    private static void AllowEveryoneToRead(string path, bool directory)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(directory ? "755" : "644", 8));
        }
    }
}
