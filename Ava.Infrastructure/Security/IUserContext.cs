using System.Security.Claims;

namespace Ava.Infrastructure.Security;

/// <summary>
/// Who is calling a service: the circuit's user in Blazor, the request's user over HTTP,
/// nobody in a background job. Services check permissions against this, not against the UI.
/// </summary>
public interface IUserContext
{
    Task<ClaimsPrincipal> GetUserAsync();
}
