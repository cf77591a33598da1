using Ava.Domain.Commands;
using Ava.Domain.Common;
using Ava.Domain.Security;
using Ava.Infrastructure.Identity;
using Ava.Infrastructure.Security;
using Ava.Tests.TestData;
using Ava.Tests.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Commands;

/// <summary>An <c>approval</c> command waits for a second person with the approver capability; the requester can never approve it.</summary>
[Collection(CommandsAppCollection.Name)]
public sealed class CommandApprovalTests(CommandsApp app)
{
    [Fact]
    public async Task ApprovalCommand_DoesNotStartUntilASecondPersonApproves_AndTheRequesterCannotApprove()
    {
        var requester = await TestUsers.CreateAsync(app.Services, Roles.Admin);
        var approver = await TestUsers.CreateAsync(app.Services, Roles.Admin);

        var id = await app.SubmitAsync(requester.Email!, "needs-approval");
        var selfApproval = await Should.ThrowAsync<DomainException>(() => app.AsAsync(requester.Email!, queue => queue.ApproveAsync(id)));
        await Task.Delay(TimeSpan.FromSeconds(2));

        selfApproval.Message.ShouldContain("someone else with the approver capability must approve it");
        var waiting = await app.ExecutionAsync(id);
        waiting.Status.ShouldBe(CommandExecutionStatus.AwaitingApproval);
        waiting.StartedAt.ShouldBeNull();
        waiting.JobId.ShouldBeNull("no job is queued before the approval");
        await using (var db = app.OpenDatabase())
        {
            var refused = await db.AuditEvents.SingleAsync(e => e.Action == CommandAuditActions.Refused && e.Resource == $"execution/{id}");
            refused.UserId.ShouldBe(requester.Id);
            refused.Error!.ShouldContain("asked for this run");
        }

        await app.AsAsync(approver.Email!, queue => queue.ApproveAsync(id));
        var run = await app.WaitForEndAsync(id);

        run.Status.ShouldBe(CommandExecutionStatus.Succeeded, run.Message);
        run.StdOut.ShouldBe("approved run\n");
        run.ApprovedById.ShouldBe(approver.Id);
        run.ApprovedBy.ShouldBe(approver.Email);
        run.RequestedById.ShouldBe(requester.Id);
        await using var check = app.OpenDatabase();
        var events = await check.AuditEvents.Where(e => e.Resource == $"execution/{id}").OrderBy(e => e.Sequence).ToListAsync();
        events.Select(e => (e.Action, e.UserId)).ShouldBe(
        [
            (CommandAuditActions.Submitted, requester.Id),
            (CommandAuditActions.Refused, requester.Id),
            (CommandAuditActions.Approved, approver.Id),
            (CommandAuditActions.Started, requester.Id),
            (CommandAuditActions.Ended, requester.Id),
        ]);
    }

    [Fact]
    public async Task Approve_IsRefused_WhenTheCallerLacksTheApproverCapability()
    {
        var id = await app.SubmitAsync(AvaAppFactory.AdminEmail, "needs-approval");

        await Should.ThrowAsync<PermissionDeniedException>(() => app.AsAsync(AvaAppFactory.DeveloperEmail, queue => queue.ApproveAsync(id)));

        (await app.ExecutionAsync(id)).Status.ShouldBe(CommandExecutionStatus.AwaitingApproval);
        await app.AsAsync(AvaAppFactory.AdminEmail, queue => queue.CancelAsync(id));
        (await app.ExecutionAsync(id)).Status.ShouldBe(CommandExecutionStatus.Cancelled);
    }

    [Fact]
    public async Task ApprovedRun_FailsWithoutRunning_WhenTheRequesterLostExecuteCommandsMeanwhile()
    {
        var requester = await TestUsers.CreateAsync(app.Services, Roles.Admin);
        var id = await app.SubmitAsync(requester.Email!, "needs-approval");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
            var account = (await users.FindByIdAsync(requester.Id))!;
            (await users.RemoveFromRoleAsync(account, Roles.Admin)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(account, Roles.Developer)).Succeeded.ShouldBeTrue();
        }

        await app.AsAsync(AvaAppFactory.AdminEmail, queue => queue.ApproveAsync(id));
        var run = await app.WaitForEndAsync(id);

        run.Status.ShouldBe(CommandExecutionStatus.Failed);
        run.StartedAt.ShouldBeNull();
        run.Message!.ShouldContain($"no longer holds {Permissions.ExecuteCommands}");
        await using var db = app.OpenDatabase();
        (await db.AuditEvents.AnyAsync(e => e.Action == SecurityAuditActions.Violation && e.UserId == requester.Id)).ShouldBeTrue();
        (await db.AuditEvents.AnyAsync(e => e.Action == CommandAuditActions.Started && e.Resource == $"execution/{id}")).ShouldBeFalse();
    }
}
