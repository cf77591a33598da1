using Ava.Domain.Commands;
using Ava.Tests.Web;

namespace Ava.Tests.Infrastructure.Commands;

/// <summary>
/// Where user namespaces are not allowed (for example in a container under the default seccomp profile),
/// commands run in their own session and process group instead: the timeout kills the group and every
/// descendant still in the tree.
/// </summary>
public sealed class CommandProcessGroupTests(CommandProcessGroupTests.App app) : IClassFixture<CommandProcessGroupTests.App>
{
    public sealed class App() : CommandsApp("ProcessGroup");

    [Fact]
    public async Task Timeout_KillsTheCommandAndTheGrandchildrenOfItsGroup()
    {
        var id = await app.SubmitAsync(AvaAppFactory.AdminEmail, "grandchild");
        await app.WaitForAsync(id, e => e.StdOut.Contains("started"), "to start its grandchildren");
        ProcessTable.Find(app.Marker + "1").ShouldNotBeEmpty();

        var run = await app.WaitForEndAsync(id);

        run.Status.ShouldBe(CommandExecutionStatus.TimedOut, run.Message);
        run.Sandbox!.ShouldStartWith("own session and process group");
        foreach (var child in new[] { "1", "3", "4" })
        {
            (await ProcessTable.WaitUntilGoneAsync(app.Marker + child, TimeSpan.FromSeconds(10))).ShouldBeEmpty($"sleep {app.Marker}{child} was in the group");
        }

        // The one that started a session of its own escapes a process group (a PID namespace catches it; see CommandSandboxTests).
        foreach (var escaped in ProcessTable.Find(app.Marker + "2"))
        {
            System.Diagnostics.Process.GetProcessById(escaped).Kill();
        }
    }
}
