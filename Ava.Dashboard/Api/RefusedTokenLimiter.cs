using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ava.Dashboard.Api;

/// <summary>
/// Counts refused API tokens per client address. A request is refused before authentication reaches
/// the token rate limit, so without this an address could send unlimited wrong tokens, each costing a
/// database lookup. Once an address has used up <see cref="ApiRateLimitOptions.RefusedTokenLimit"/>
/// refusals in a window, its next token is answered 429 without a lookup.
/// </summary>
internal sealed class RefusedTokenLimiter(IOptions<ApiRateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RefusedTokenLimit,
            Window = TimeSpan.FromSeconds(options.Value.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public int WindowSeconds => options.Value.WindowSeconds;

    /// <summary>Whether this address has no refusals left in the current window.</summary>
    public bool IsExhausted(string address) => _limiter.GetStatistics(address)?.CurrentAvailablePermits == 0;

    /// <summary>Counts one refused token against the address.</summary>
    public void CountRefusal(string address)
    {
        using var lease = _limiter.AttemptAcquire(address);
    }

    public void Dispose() => _limiter.Dispose();
}
