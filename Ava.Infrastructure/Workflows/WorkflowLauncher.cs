using System.Linq.Expressions;
using System.Security.Claims;
using Ava.Domain.Audit;
using Ava.Domain.Common;
using Ava.Domain.Security;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Security;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Ava.Infrastructure.Workflows;

/// <summary>
/// Queues background work on behalf of the caller: the run acts as the person who asked, with their
/// permissions when it starts (see <see cref="WorkflowCallerFilter"/>).
/// </summary>
public sealed class WorkflowLauncher(PermissionGuard guard, IBackgroundJobClient jobs, AuditTrail trail)
{
    /// <summary>"Run now" for a recurring workflow (execute_commands), recorded in the audit trail.</summary>
    /// <returns>The Hangfire job id of the queued run.</returns>
    public async Task<string> RunNowAsync(string workflowName)
    {
        var user = await guard.DemandAsync(Permissions.ExecuteCommands);
        var workflow = RecurringWorkflows.Find(workflowName) ?? throw new DomainException($"There is no workflow named '{workflowName}'.");
        var jobId = Enqueue(user, workflow.Job);
        await trail.RecordAsync(new AuditEntry(WorkflowAuditActions.RunRequested, $"workflow/{workflow.Name}", true, Metadata: AuditTrail.Metadata(new { jobId })));
        return jobId;
    }

    /// <summary>
    /// Queues <paramref name="call"/> to run as <paramref name="requester"/>, the signed-in caller a service
    /// has already checked. The job takes ids, not entities, and must be safe to run again.
    /// </summary>
    /// <returns>The Hangfire job id, which names the run on the workflows page.</returns>
    public string Enqueue<TJob>(ClaimsPrincipal requester, Expression<Func<TJob, Task>> call) =>
        Enqueue(requester, Job.FromExpression(call));

    private string Enqueue(ClaimsPrincipal requester, Job job)
    {
        var userId = requester.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new DomainException("Background work is queued for a signed-in person.");
        using (WorkflowTriggerScope.Begin(WorkflowTriggers.User(requester.DisplayName()), userId))
        {
            return jobs.Create(job, new EnqueuedState());
        }
    }
}
