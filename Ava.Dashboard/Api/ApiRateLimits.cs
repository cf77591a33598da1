using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Ava.Domain.Settings;
using Ava.Infrastructure.Settings;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ava.Dashboard.Api;

/// <summary>The <c>Api:RateLimit</c> section: fixed windows per user of an API token (per client address without one).</summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "Api:RateLimit";

    /// <summary>Requests per window for every API endpoint.</summary>
    public int PermitLimit { get; set; } = 30;

    public int WindowSeconds { get; set; } = 60;

    /// <summary>Requests per window for the decisions (approve, reject, escalate, roll back), on top of nothing: a stricter limit of their own.</summary>
    public int DecisionPermitLimit { get; set; } = 5;

    /// <summary>Refused tokens per window from one client address before its tokens are answered 429 without being looked up.</summary>
    public int RefusedTokenLimit { get; set; } = 20;
}

/// <summary>
/// The API's rate limits. Every request under <see cref="ApiPaths.Root"/> spends the general window of its
/// token (or address), through the global limiter; a decision spends its own stricter window as well
/// (<see cref="DecisionPolicy"/>), in addition to the general one, never instead of it.
/// </summary>
public static class ApiRateLimits
{
    private const string GeneralWindow = "api";

    /// <summary>For endpoints that decide on recommendations or roll back changesets: <c>.RequireRateLimiting(ApiRateLimits.DecisionPolicy)</c>.</summary>
    public const string DecisionPolicy = "api-decisions";

    internal static IServiceCollection AddApiRateLimits(this IServiceCollection services)
    {
        services.AddOptions<ApiRateLimitOptions>().BindConfiguration(ApiRateLimitOptions.Section);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => ApiPaths.IsApi(context.Request.Path)
                ? Partition(context, GeneralWindow, o => o.PermitLimit)
                : RateLimitPartition.GetNoLimiter("pages"));
            limiter.AddPolicy(DecisionPolicy, context => Partition(context, DecisionPolicy, o => o.DecisionPermitLimit));
        });
        return services;
    }

    /// <summary>
    /// Whose allowance a request spends: its token's owner's (the rate limiter runs after authentication),
    /// so a user's tokens share one allowance and more tokens do not multiply it; else its address's.
    /// </summary>
    internal static string PartitionKey(HttpContext context) =>
        context.User.FindFirstValue(ApiTokenAuthentication.TokenIdClaim) is not null
        && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? "user:" + userId
            : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static RateLimitPartition<string> Partition(HttpContext context, string policy, Func<ApiRateLimitOptions, int> permits)
    {
        // The limits are a capability an administrator may switch off (specification §12); refused tokens stay limited.
        if (!context.RequestServices.GetRequiredService<FeatureFlagStore>().Current[Capabilities.ApiRateLimits.Name].Enabled)
        {
            return RateLimitPartition.GetNoLimiter(policy + "/off");
        }

        var options = context.RequestServices.GetRequiredService<IOptions<ApiRateLimitOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(policy + "/" + PartitionKey(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits(options),
            Window = TimeSpan.FromSeconds(options.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : context.RequestServices.GetRequiredService<IOptions<ApiRateLimitOptions>>().Value.WindowSeconds;
        context.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"Your account (or this address) has used its API requests for the current window. Try again in {wait} s.").ExecuteAsync(context);
    }
}
