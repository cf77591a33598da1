using System.Security.Claims;
using Ava.Domain.Audit;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Security;

namespace Ava.Dashboard.Security;

/// <summary>The audit trail's view of the caller: the user, their address and the current correlation id.</summary>
internal sealed class AuditActorAccessor(
    IUserContext userContext,
    CircuitScope circuit,
    IHttpContextAccessor httpContextAccessor) : IAuditActorAccessor
{
    public async Task<AuditActor> GetActorAsync()
    {
        var user = await userContext.GetUserAsync();
        var httpContext = circuit.IsCircuit ? null : httpContextAccessor.HttpContext;
        var correlationId = CorrelationContext.Id ?? httpContext?.TraceIdentifier;
        var clientIp = circuit.IsCircuit ? circuit.ClientIp : httpContext?.Connection.RemoteIpAddress?.ToString();

        if (user.Identity?.IsAuthenticated != true)
        {
            return httpContext is null && !circuit.IsCircuit
                ? AuditActor.System(correlationId)
                : new AuditActor(null, "anonymous", clientIp, correlationId);
        }

        return new AuditActor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.DisplayName(), clientIp, correlationId);
    }
}
