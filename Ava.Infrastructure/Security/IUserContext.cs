using System.Security.Claims;
using Ava.Infrastructure.Workflows;

namespace Ava.Infrastructure.Security;

/// <summary>
/// Who is calling a service: the person a background job acts for (or the system actor of a scheduled
/// run) inside a job, otherwise the circuit's user in Blazor or the request's user over HTTP. Services
/// check permissions against this, not against the UI.
/// </summary>
public interface IUserContext
{
    Task<ClaimsPrincipal> GetUserAsync();
}

/// <summary>
/// The signed-in user of the current HTTP request or Blazor circuit, provided by the host. Services ask
/// <see cref="IUserContext"/>, which puts a running job's caller first.
/// </summary>
public interface IInteractiveUserContext
{
    Task<ClaimsPrincipal> GetUserAsync();
}

/// <summary>The caller as services see it: a running job's caller when there is one, otherwise the host's interactive user.</summary>
internal sealed class CallerContext(IInteractiveUserContext interactive) : IUserContext
{
    public Task<ClaimsPrincipal> GetUserAsync() =>
        WorkflowCaller.Principal is { } jobCaller ? Task.FromResult(jobCaller) : interactive.GetUserAsync();
}
