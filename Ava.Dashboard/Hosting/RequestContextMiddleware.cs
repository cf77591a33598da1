using System.Text.RegularExpressions;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Security;
using Serilog.Context;

namespace Ava.Dashboard.Hosting;

/// <summary>
/// One correlation id per HTTP request, always the server's own: it goes into the audit log, where a
/// value chosen by the client could tie unrelated events together or pose as another request. A
/// client's own X-Correlation-ID (when it is a plain token) is kept beside it in the application log
/// as ClientCorrelationId, so callers can still find their requests. The user's name is in the log context too.
/// </summary>
internal static partial class RequestContextMiddleware
{
    public const string HeaderName = "X-Correlation-ID";

    public static IApplicationBuilder UseRequestLogContext(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[HeaderName].ToString();
            var correlationId = context.TraceIdentifier;
            context.Response.Headers[HeaderName] = correlationId;
            using (CorrelationContext.Begin(correlationId))
            using (LogContext.PushProperty("CorrelationId", correlationId))
            using (LogContext.PushProperty("ClientCorrelationId", SafeId().IsMatch(incoming) ? incoming : null))
            using (LogContext.PushProperty("UserName", context.User.DisplayName()))
            {
                await next();
            }
        });

    [GeneratedRegex("^[A-Za-z0-9:._-]{1,64}$")]
    private static partial Regex SafeId();
}
