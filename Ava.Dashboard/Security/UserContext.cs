using System.Security.Claims;
using Ava.Infrastructure.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Ava.Dashboard.Security;

/// <summary>
/// The caller for services: inside a Blazor circuit the circuit's authentication state (the
/// HttpContext there is not the user's request), otherwise the current HTTP request's user.
/// </summary>
internal sealed class UserContext(
    CircuitScope circuit,
    IHttpContextAccessor httpContextAccessor,
    AuthenticationStateProvider authenticationStateProvider) : IInteractiveUserContext
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public async Task<ClaimsPrincipal> GetUserAsync()
    {
        var httpContext = httpContextAccessor.HttpContext;
        if (circuit.IsCircuit || httpContext is null)
        {
            try
            {
                return (await authenticationStateProvider.GetAuthenticationStateAsync()).User;
            }
            catch (InvalidOperationException)
            {
                // No authentication state in this scope and no job caller (start-up work): nobody is calling.
                return Anonymous;
            }
        }

        return httpContext.User;
    }
}

/// <summary>Knows whether the current DI scope belongs to a Blazor circuit.</summary>
internal sealed class CircuitScope
{
    public bool IsCircuit { get; private set; }

    public string? CircuitId { get; private set; }

    public string? ClientIp { get; private set; }

    public void Enter(Circuit circuit, string? clientIp)
    {
        IsCircuit = true;
        CircuitId = circuit.Id;
        ClientIp = clientIp;
    }
}
