using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Ai;

/// <summary>The per-user limit on AI actions (<c>Ai:RateLimit</c>): a fixed window per user, shared by the pages and the API.</summary>
public sealed class AiActionLimiter : IDisposable
{
    private readonly AiRateLimitOptions _options;
    private readonly PartitionedRateLimiter<string> _limiter;

    public AiActionLimiter(IOptions<AiOptions> options)
    {
        _options = options.Value.RateLimit;
        _limiter = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = _options.PermitLimit,
            Window = TimeSpan.FromSeconds(_options.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Spends one action of <paramref name="user"/>; throws <see cref="AiRateLimitExceededException"/> when none is left.</summary>
    public void Spend(string user)
    {
        using var lease = _limiter.AttemptAcquire(user);
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(_options.WindowSeconds);
            throw new AiRateLimitExceededException(retryAfter, _options.PermitLimit, _options.WindowSeconds);
        }
    }

    public void Dispose() => _limiter.Dispose();
}
