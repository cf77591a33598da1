using Ava.Domain.Audit;
using Ava.Domain.Common;
using Ava.Domain.Security;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Security;
using Hangfire;
using Hangfire.States;

namespace Ava.Infrastructure.Workflows;

/// <summary>"Run now" for a recurring workflow (execute_commands), recorded in the audit trail.</summary>
public sealed class WorkflowLauncher(PermissionGuard guard, IBackgroundJobClient jobs, AuditTrail trail)
{
    /// <returns>The Hangfire job id of the queued run.</returns>
    public async Task<string> RunNowAsync(string workflowName)
    {
        var user = await guard.DemandAsync(Permissions.ExecuteCommands);
        var workflow = RecurringWorkflows.Find(workflowName) ?? throw new DomainException($"There is no workflow named '{workflowName}'.");
        string jobId;
        using (WorkflowTriggerScope.Begin(WorkflowTriggers.User(user.DisplayName())))
        {
            jobId = jobs.Create(workflow.Job, new EnqueuedState());
        }

        await trail.RecordAsync(new AuditEntry(WorkflowAuditActions.RunRequested, $"workflow/{workflow.Name}", true, Metadata: AuditTrail.Metadata(new { jobId })));
        return jobId;
    }
}
