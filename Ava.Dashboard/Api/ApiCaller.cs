using System.Security.Claims;
using Ava.Domain.ApiTokens;
using Ava.Domain.Audit;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Security;
using Serilog;
using Serilog.Context;

namespace Ava.Dashboard.Api;

/// <summary>
/// After authorization, an API request knows its token: its user goes into the log context and the
/// request log, and every write request (POST, PUT, PATCH, DELETE) leaves one <c>api.write</c> audit
/// event naming the token and the outcome. The change itself is audited by its service, under the
/// same correlation id and the same user.
/// </summary>
internal static class ApiCaller
{
    public static IApplicationBuilder UseApiCaller(this IApplicationBuilder app) =>
        app.UseWhen(context => ApiPaths.IsApi(context.Request.Path), api => api.Use(async (context, next) =>
        {
            var tokenId = context.User.FindFirstValue(ApiTokenAuthentication.TokenIdClaim);
            if (tokenId is null)
            {
                await next(context);
                return;
            }

            var diagnostics = context.RequestServices.GetRequiredService<IDiagnosticContext>();
            diagnostics.Set("UserName", context.User.DisplayName());
            diagnostics.Set("ApiTokenId", tokenId);
            Exception? failure = null;
            using (LogContext.PushProperty("UserName", context.User.DisplayName()))
            using (LogContext.PushProperty("ApiTokenId", tokenId))
            {
                try
                {
                    await next(context);
                }
                catch (Exception exception)
                {
                    failure = exception;
                    throw;
                }
                finally
                {
                    if (IsWrite(context.Request.Method))
                    {
                        await RecordWriteAsync(context, tokenId, failure is null ? context.Response.StatusCode : ApiErrors.StatusCodeOf(failure));
                    }
                }
            }
        }));

    private static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static async Task RecordWriteAsync(HttpContext context, string tokenId, int status)
    {
        var prefix = context.User.FindFirstValue(ApiTokenAuthentication.TokenPrefixClaim);
        var entry = new AuditEntry(
            ApiTokenAuditActions.ApiWrite,
            $"{context.Request.Method} {context.Request.Path}",
            Success: status < 400,
            Error: status >= 400 ? $"Answered {status}." : null,
            Metadata: AuditTrail.Metadata(new { via = $"api_token {prefix}", tokenId, status }));
        try
        {
            await context.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(entry, cancellationToken: CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The response is already decided; a failed audit write is an operations problem, not the caller's.
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiCaller))
                .LogError(exception, "Could not record the API write {Method} {Path}", context.Request.Method, context.Request.Path.Value);
        }
    }
}
