using Ava.Dashboard.Security;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Serilog.Context;

namespace Ava.Dashboard.Hosting;

/// <summary>
/// Marks the circuit's DI scope as a circuit and gives every inbound circuit activity
/// (events, JS calls, renders) a correlation id and the user's name in the log context; each one
/// counts as activity for the session's idle limit.
/// </summary>
internal sealed class CircuitLogContext(
    CircuitScope scope,
    CircuitSession session,
    AuthenticationStateProvider authentication,
    IHttpContextAccessor httpContextAccessor) : CircuitHandler
{
    public override int Order => int.MinValue;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // The circuit starts inside the browser's connection request: its address is the client's.
        scope.Enter(circuit, httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString());
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            session.MarkActivity();
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            var correlationId = $"circuit-{context.Circuit.Id}";
            using (CorrelationContext.Begin(correlationId))
            using (LogContext.PushProperty("CorrelationId", correlationId))
            using (LogContext.PushProperty("UserName", user.DisplayName()))
            {
                await next(context);
            }
        };
}
