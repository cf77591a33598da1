using System.Security.Claims;
using Ava.Dashboard.Features.Execution;
using Ava.Domain.Commands;
using Ava.Domain.Security;
using Ava.Infrastructure.Commands;
using Bunit;

namespace Ava.Tests.Components;

/// <summary>Who is offered what on a run's page: Approve for approvers other than the requester, Cancel for execute_commands.</summary>
public sealed class ExecutionActionsTests : DashboardTestContext
{
    private const string RequesterId = "id-requester";

    [Fact]
    public void Requester_IsToldSomeoneElseMustApprove_AndCanOnlyCancel()
    {
        var actions = RenderActions(CommandExecutionStatus.AwaitingApproval, WithId(UserInRole(Roles.Admin), RequesterId));

        Buttons(actions).ShouldBe(["Cancel run"]);
        actions.Find("[data-testid=own-run-note]").TextContent.ShouldContain("someone else with the approver capability must approve it");
    }

    [Fact]
    public void SecondAdmin_CanApproveOrCancel_ARunAwaitingApproval()
    {
        var actions = RenderActions(CommandExecutionStatus.AwaitingApproval, WithId(UserInRole(Roles.Admin), "id-second-admin"));

        Buttons(actions).ShouldBe(["Approve", "Cancel run"]);
    }

    [Fact]
    public void DeveloperWithTheApproverClaim_CanApprove_ButNotCancel()
    {
        var actions = RenderActions(CommandExecutionStatus.AwaitingApproval, WithId(Approver(Roles.Developer), "id-developer"));

        Buttons(actions).ShouldBe(["Approve"]);
    }

    [Theory]
    [InlineData(CommandExecutionStatus.Running)]
    [InlineData(CommandExecutionStatus.AwaitingApproval)]
    public void Developer_IsOfferedNothing(CommandExecutionStatus status) =>
        Buttons(RenderActions(status, WithId(UserInRole(Roles.Developer), "id-developer"))).ShouldBeEmpty();

    [Fact]
    public void EndedRun_OffersNothing_EvenToAnAdmin() =>
        Buttons(RenderActions(CommandExecutionStatus.Succeeded, WithId(UserInRole(Roles.Admin), "id-admin"))).ShouldBeEmpty();

    private IRenderedComponent<ExecutionActions> RenderActions(CommandExecutionStatus status, ClaimsPrincipal user)
    {
        var run = new ExecutionDetail(7, "list-accounts", [], CommandDecision.Approval, status, RequesterId, "requester@ava.local", DateTimeOffset.UtcNow,
            null, null, null, null, null, "", "", 0, 0, null, null, null, null);
        return Render<ExecutionActions>(p => p
            .Add(a => a.Run, run)
            .Add(a => a.UserId, user.FindFirstValue(ClaimTypes.NameIdentifier))
            .AddCascadingValue(StateOf(user)));
    }

    private static IReadOnlyList<string> Buttons(IRenderedComponent<ExecutionActions> actions) =>
        actions.FindAll("button").Select(b => b.TextContent.Trim()).ToList();

    private static ClaimsPrincipal WithId(ClaimsPrincipal user, string id)
    {
        ((ClaimsIdentity)user.Identity!).AddClaim(new Claim(ClaimTypes.NameIdentifier, id));
        return user;
    }
}
