using System.Security.Claims;
using Ava.Domain.Audit;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Identity;
using Hangfire.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ava.Infrastructure.Workflows;

/// <summary>A job's caller can no longer act: the account is locked out or gone. The job writes nothing.</summary>
public sealed class WorkflowCallerRefusedException(string message) : Exception(message);

/// <summary>
/// Makes every background job act as someone (ADR 7). Before each attempt it resolves the run's caller:
/// the person who asked for it, with the roles and claims they hold <em>now</em> (a user locked out or
/// deleted since fails the run with an audit event, before the job body runs), or the workflow's named
/// system actor for a scheduled run. The services the job calls then check permissions and write audit
/// events as that caller, exactly as they do for a page or an API request.
/// </summary>
internal sealed class WorkflowCallerFilter(IServiceScopeFactory scopes, ILogger<WorkflowCallerFilter> logger) : IServerFilter
{
    private const string CallerItem = "AvaCaller";

    public void OnPerforming(PerformingContext context)
    {
        var workflow = context.GetJobParameter<string>("RecurringJobId") ?? WorkflowRunRecorder.NameOf(context.BackgroundJob.Job);
        var requestedById = context.GetJobParameter<string>(WorkflowRunRecorder.RequestedByParameter);
        var principal = requestedById is null
            ? WorkflowCaller.SystemPrincipal(workflow)
            : ResolveUserAsync(requestedById, workflow, context.BackgroundJob.Id).GetAwaiter().GetResult();
        context.Items[CallerItem] = WorkflowCaller.Begin(principal);
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(CallerItem, out var caller) && caller is IDisposable scope)
        {
            scope.Dispose();
        }
    }

    /// <summary>Whether a job failed because its caller was refused (Hangfire wraps what a filter throws).</summary>
    internal static bool IsRefusal(Exception? exception) =>
        exception is WorkflowCallerRefusedException || exception?.InnerException is WorkflowCallerRefusedException;

    private async Task<ClaimsPrincipal> ResolveUserAsync(string userId, string workflow, string jobId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        var user = await users.FindByIdAsync(userId);
        var refusal = user is null
            ? "the account no longer exists"
            : await users.IsLockedOutAsync(user) ? "the account is locked out" : null;
        if (refusal is null)
        {
            var signedIn = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AvaUser>>().CreateAsync(user!);
            return WorkflowCaller.ForUser(signedIn);
        }

        var message = $"Workflow {workflow} cannot act for {user?.UserName ?? userId}: {refusal}. Nothing was changed.";
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(
            new AuditEntry(WorkflowAuditActions.CallerRefused, $"workflow/{workflow}", Success: false, Error: message,
                Metadata: AuditTrail.Metadata(new { jobId, requestedById = userId })),
            new AuditActor(userId, user?.UserName ?? userId, null, CorrelationContext.Id));
        logger.LogWarning("Workflow job {JobId} ({Workflow}) refused: its caller {UserId} cannot act ({Reason})", jobId, workflow, userId, refusal);
        throw new WorkflowCallerRefusedException(message);
    }
}
