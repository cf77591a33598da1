using System.Security.Claims;
using Ava.Domain.Commands;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Identity;
using Ava.Infrastructure.Workflows;
using Ava.Tests.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Commands;

/// <summary>run-command is safe to run again: an ended run is left alone, and a run found Running is recorded as interrupted, never run twice.</summary>
[Collection(CommandsAppCollection.Name)]
public sealed class RunCommandJobTests(CommandsApp app)
{
    [Fact]
    public async Task RunningTheJobAgain_LeavesAnEndedRunAlone_AndStartsNoSecondProcess()
    {
        var id = await app.SubmitAsync(AvaAppFactory.AdminEmail, "echo", "once");
        var ended = await app.WaitForEndAsync(id);

        var jobId = await EnqueueAgainAsync(id);
        await WaitForWorkflowRunAsync(jobId);

        var after = await app.ExecutionAsync(id);
        after.Status.ShouldBe(CommandExecutionStatus.Succeeded);
        after.StartedAt.ShouldBe(ended.StartedAt);
        after.Version.ShouldBe(ended.Version);
        await using var db = app.OpenDatabase();
        (await db.AuditEvents.CountAsync(e => e.Action == CommandAuditActions.Started && e.Resource == $"execution/{id}")).ShouldBe(1);
    }

    [Fact]
    public async Task ARunFoundRunning_IsMarkedInterruptedAndNotRunAgain_AsAfterACrash()
    {
        // What a crash leaves: the run was claimed and its process started, then the dashboard died.
        _ = app.Services; // the app migrates and seeds its database when it starts
        long id;
        await using (var db = app.OpenDatabase())
        {
            var admin = await db.Users.SingleAsync(u => u.Email == AvaAppFactory.AdminEmail);
            var execution = new CommandExecution("echo", ["crashed"], CommandDecision.Allow, admin.Id, admin.Email!, DateTimeOffset.UtcNow.AddMinutes(-3));
            execution.Start("own user and PID namespace", DateTimeOffset.UtcNow.AddMinutes(-3));
            db.CommandExecutions.Add(execution);
            await db.SaveChangesAsync();
            id = execution.Id;
        }

        var jobId = await EnqueueAgainAsync(id);
        var run = await app.WaitForEndAsync(id);
        await WaitForWorkflowRunAsync(jobId);

        run.Status.ShouldBe(CommandExecutionStatus.Failed);
        run.Message!.ShouldContain("it was not run again");
        run.StdOut.ShouldBeEmpty("the command did not run a second time");
        await using var check = app.OpenDatabase();
        var ended = await check.AuditEvents.SingleAsync(e => e.Action == CommandAuditActions.Ended && e.Resource == $"execution/{id}");
        ended.Metadata!.ShouldContain("\"interrupted\":true");
    }

    /// <summary>What a restart's recovery does: the run's job queued again, acting as its requester.</summary>
    private async Task<string> EnqueueAgainAsync(long id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        var admin = (await users.FindByEmailAsync(AvaAppFactory.AdminEmail))!;
        ClaimsPrincipal requester = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AvaUser>>().CreateAsync(admin);
        return scope.ServiceProvider.GetRequiredService<WorkflowLauncher>().Enqueue<RunCommandJob>(requester, job => job.RunAsync(id, null, CancellationToken.None));
    }

    private Task<WorkflowRun> WaitForWorkflowRunAsync(string jobId) =>
        Poll.UntilAsync(
            async () =>
            {
                await using var db = app.OpenDatabase();
                return await db.WorkflowRuns.AsNoTracking().SingleOrDefaultAsync(r => r.JobId == jobId);
            },
            r => r.Status == WorkflowStatus.Succeeded,
            $"job {jobId} to succeed");
}
