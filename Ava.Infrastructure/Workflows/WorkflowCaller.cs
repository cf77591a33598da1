using System.Security.Claims;
using Ava.Domain.Security;

namespace Ava.Infrastructure.Workflows;

/// <summary>
/// The principal the running background job acts as, for the services it calls: the person who asked
/// for it with their current roles and claims, or the named system actor of a scheduled run. Set by
/// <see cref="WorkflowCallerFilter"/> around each attempt, on the job's own async flow.
/// </summary>
public static class WorkflowCaller
{
    /// <summary>The authentication type of every job principal, so a log or a test can tell one apart.</summary>
    public const string AuthenticationType = "Workflow";

    private static readonly AsyncLocal<ClaimsPrincipal?> Current = new();

    /// <summary>The running job's caller, or null outside a job.</summary>
    public static ClaimsPrincipal? Principal => Current.Value;

    /// <summary>
    /// The system actor of a scheduled run of <paramref name="workflowName"/>: the <see cref="Roles.SystemActor"/>
    /// column of the permission table, named <c>system:&lt;workflow&gt;</c>, with no user id and no approver claim.
    /// </summary>
    public static ClaimsPrincipal SystemPrincipal(string workflowName) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, SystemActor.NameFor(workflowName)), new Claim(ClaimTypes.Role, Roles.SystemActor)],
            AuthenticationType));

    /// <summary>A person's principal as the job sees it: the claims Identity issues at sign-in, under the job's authentication type.</summary>
    internal static ClaimsPrincipal ForUser(ClaimsPrincipal signedIn) =>
        new(new ClaimsIdentity(signedIn.Claims, AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>Runs the rest of the current flow as <paramref name="principal"/> until disposed.</summary>
    public static IDisposable Begin(ClaimsPrincipal principal)
    {
        var previous = Current.Value;
        Current.Value = principal;
        return new Restore(previous);
    }

    private sealed class Restore(ClaimsPrincipal? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
