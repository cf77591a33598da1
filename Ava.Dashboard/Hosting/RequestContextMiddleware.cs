using System.Text.RegularExpressions;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Security;
using Serilog.Context;

namespace Ava.Dashboard.Hosting;

/// <summary>One correlation id per HTTP request (a safe incoming X-Correlation-ID, else the trace id), and the user's name, in the log context.</summary>
internal static partial class RequestContextMiddleware
{
    public const string HeaderName = "X-Correlation-ID";

    public static IApplicationBuilder UseRequestLogContext(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[HeaderName].ToString();
            var correlationId = SafeId().IsMatch(incoming) ? incoming : context.TraceIdentifier;
            context.TraceIdentifier = correlationId;
            context.Response.Headers[HeaderName] = correlationId;
            using (CorrelationContext.Begin(correlationId))
            using (LogContext.PushProperty("CorrelationId", correlationId))
            using (LogContext.PushProperty("UserName", context.User.DisplayName()))
            {
                await next();
            }
        });

    [GeneratedRegex("^[A-Za-z0-9:._-]{1,64}$")]
    private static partial Regex SafeId();
}
