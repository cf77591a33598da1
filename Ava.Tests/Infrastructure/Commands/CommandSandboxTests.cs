using System.Text;
using Ava.Domain.Commands;
using Ava.Tests.Web;

namespace Ava.Tests.Infrastructure.Commands;

/// <summary>
/// The sandbox on this machine's real processes, through the real run-command workflow: the process tree dies
/// with the run, output stops at the cap, the environment is the allow-list, and the Linux limits apply.
/// </summary>
[Collection(CommandsAppCollection.Name)]
public sealed class CommandSandboxTests(CommandsApp app)
{
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Timeout_KillsTheCommandAndEveryGrandchild_EvenOnesThatLeftItsSessionOrWereOrphaned()
    {
        var id = await app.SubmitAsync(AvaAppFactory.AdminEmail, "grandchild");
        await app.WaitForAsync(id, e => e.StdOut.Contains("started"), "to start its grandchildren");
        foreach (var child in new[] { "1", "2", "3", "4" })
        {
            ProcessTable.Find(app.Marker + child).ShouldNotBeEmpty($"sleep {app.Marker}{child} runs while the command runs");
        }

        var run = await app.WaitForEndAsync(id);

        run.Status.ShouldBe(CommandExecutionStatus.TimedOut, run.Message);
        run.Message!.ShouldContain("timeout of 3 s");
        run.Duration!.Value.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        (await ProcessTable.WaitUntilGoneAsync(app.Marker, KillGrace)).ShouldBeEmpty("no process of the run survives it");
    }

    [Fact]
    public async Task Output_StopsAtTheCapWithAVisibleMarker_WhenTheCommandPrintsTenMegabytes()
    {
        var expectedBytes = Enumerable.Range(1, CommandsApp.SeqCount).Sum(i => (long)Encoding.ASCII.GetByteCount($"{i}\n"));
        expectedBytes.ShouldBeGreaterThan(10_000_000);

        var id = await app.SubmitAsync(AvaAppFactory.AdminEmail, "print-10mb");
        var run = await app.WaitForEndAsync(id);

        run.Status.ShouldBe(CommandExecutionStatus.Succeeded, run.Message);
        run.StdOutBytes.ShouldBe(expectedBytes);
        run.StdOut.ShouldStartWith("1\n2\n3\n");
        run.StdOut.ShouldEndWith($"[output cut at 64 KiB: {expectedBytes - (64 * 1024):N0} more bytes were not kept]\n");
        Encoding.UTF8.GetByteCount(run.StdOut).ShouldBeLessThan((64 * 1024) + 200);
    }

    [Fact]
    public async Task Environment_HoldsOnlyTheAllowedVariables_WhenTheCommandPrintsIt()
    {
        Environment.SetEnvironmentVariable("AVA_TEST_ALLOWED", "visible");
        Environment.SetEnvironmentVariable("AVA_TEST_SECRET", "must-not-leak");
        Environment.GetEnvironmentVariable("PATH").ShouldNotBeNull();

        var id = await app.SubmitAsync(AvaAppFactory.AdminEmail, "print-environment");
        var run = await app.WaitForEndAsync(id);

        run.Status.ShouldBe(CommandExecutionStatus.Succeeded, run.Message);
        run.StdOut.ShouldBe("AVA_TEST_ALLOWED=visible\n");
    }

    [Fact]
    public async Task Cancel_KillsTheRunningCommand_AndRecordsWhoCancelled()
    {
        var id = await app.SubmitAsync(AvaAppFactory.AdminEmail, "sleep-long");
        await app.WaitForAsync(id, e => e.Status == CommandExecutionStatus.Running, "to run");
        (await ProcessTable.WaitUntilRunningAsync(app.Marker + "5", TimeSpan.FromSeconds(30))).ShouldBeTrue("the sleep starts");

        await app.AsAsync(AvaAppFactory.AdminEmail, queue => queue.CancelAsync(id));
        var run = await app.WaitForEndAsync(id);

        run.Status.ShouldBe(CommandExecutionStatus.Cancelled);
        run.Message!.ShouldContain($"Cancelled by {AvaAppFactory.AdminEmail} while running");
        run.Duration!.Value.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        (await ProcessTable.WaitUntilGoneAsync(app.Marker + "5", KillGrace)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CpuLimit_StopsABusyCommand_WithSigXcpu()
    {
        var id = await app.SubmitAsync(AvaAppFactory.AdminEmail, "burn-cpu");
        var run = await app.WaitForEndAsync(id);

        run.Status.ShouldBe(CommandExecutionStatus.Failed);
        run.ExitCode.ShouldBe(128 + 24);
        run.Message!.ShouldContain("CPU time limit of 1 s");
        run.Sandbox!.ShouldContain("CPU 1 s");
    }

    [Fact]
    public async Task MemoryLimit_RefusesAnAllocationAboveIt()
    {
        var id = await app.SubmitAsync(AvaAppFactory.AdminEmail, "big-buffer");
        var run = await app.WaitForEndAsync(id);

        run.Status.ShouldBe(CommandExecutionStatus.Failed);
        run.StdErr.ShouldContain("memory exhausted");
        run.Sandbox!.ShouldContain("memory 32 MiB");
    }

    [Fact]
    public async Task ProcessLimit_StopsTheCommandFromForkingPastIt()
    {
        var id = await app.SubmitAsync(AvaAppFactory.AdminEmail, "fork-many");
        var run = await app.WaitForEndAsync(id);

        run.Status.ShouldBe(CommandExecutionStatus.Failed, run.StdOut);
        run.StdErr.ShouldContain("Cannot fork");
        run.StdOut.ShouldNotContain("all started");
        run.Sandbox!.ShouldContain("4 processes");
        run.Sandbox!.ShouldNotContain("not enforced");
    }
}
