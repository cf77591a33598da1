using System.Globalization;
using System.Threading.RateLimiting;
using Ava.Dashboard.Api;
using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Infrastructure.Audit;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Ava.Dashboard.Security;

/// <summary>
/// Counts refused requests (401 and 403) per client address. Once an address has used up
/// <see cref="ClientThrottleOptions.RefusedRequests"/> in a window, its requests are answered 429 before
/// authentication, authorization or the audit trail see them, so a token without a permission cannot
/// write a security violation per request under the database's write lock. The throttling itself is
/// audited once per address and window, with the limit that was reached.
/// </summary>
internal sealed class RefusedRequestThrottle(IOptions<ClientThrottleOptions> options, IMemoryCache recorded) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RefusedRequests,
            Window = TimeSpan.FromSeconds(options.Value.RefusedWindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public bool IsBlocked(string address) => _limiter.GetStatistics(address)?.CurrentAvailablePermits == 0;

    public void CountRefusal(string address)
    {
        using var lease = _limiter.AttemptAcquire(address);
    }

    /// <summary>True the first time an address is throttled in a window: the one time it is audited.</summary>
    public bool ShouldRecord(string address)
    {
        var key = "refusals-throttled:" + address;
        if (recorded.TryGetValue(key, out _))
        {
            return false;
        }

        recorded.Set(key, true, TimeSpan.FromSeconds(options.Value.RefusedWindowSeconds));
        return true;
    }

    public int WindowSeconds => options.Value.RefusedWindowSeconds;

    public int Limit => options.Value.RefusedRequests;

    public void Dispose() => _limiter.Dispose();
}

internal static class RefusedRequestThrottleMiddleware
{
    public static IApplicationBuilder UseRefusedRequestThrottle(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var throttle = context.RequestServices.GetRequiredService<RefusedRequestThrottle>();
            var address = ClientAddress.Of(context);
            if (throttle.IsBlocked(address))
            {
                await RefuseAsync(context, throttle, address);
                return;
            }

            await next();
            if (context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
            {
                throttle.CountRefusal(address);
            }
        });

    private static async Task RefuseAsync(HttpContext context, RefusedRequestThrottle throttle, string address)
    {
        if (throttle.ShouldRecord(address))
        {
            await context.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(
                new AuditEntry(SecurityAuditActions.Throttled, $"address/{address}", false,
                    $"{throttle.Limit} refused requests within {throttle.WindowSeconds} s; further requests refused until the window ends.",
                    AuditTrail.Metadata(new { kind = "refused requests", limit = throttle.Limit, windowSeconds = throttle.WindowSeconds })),
                new AuditActor(null, "anonymous", address, context.TraceIdentifier),
                context.RequestAborted);
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = throttle.WindowSeconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"Too many refused requests from this address. Try again in {throttle.WindowSeconds} s.";
        if (ApiPaths.IsApi(context.Request.Path))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: detail).ExecuteAsync(context);
        }
        else
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(detail, context.RequestAborted);
        }
    }
}

/// <summary>The client's address as the throttles key it: the forwarded one from a trusted proxy, else the connection's.</summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
