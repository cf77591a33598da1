using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Ava.Dashboard.Api;

/// <summary>
/// Counts refused API tokens per client address. A request is refused before authentication reaches
/// the token rate limit, so without this an address could send unlimited wrong tokens, each costing a
/// database lookup. Once an address has used up <see cref="ApiRateLimitOptions.RefusedTokenLimit"/>
/// refusals in a window, its next token is answered 429 without a lookup, unless that token was
/// accepted recently: a client that was working before keeps working while someone else at the
/// same address (a NAT, a proxy) sends wrong tokens.
/// </summary>
internal sealed class RefusedTokenLimiter(IOptions<ApiRateLimitOptions> options, IMemoryCache accepted) : IDisposable
{
    private static readonly TimeSpan RememberAccepted = TimeSpan.FromMinutes(10);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RefusedTokenLimit,
            Window = TimeSpan.FromSeconds(options.Value.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public int WindowSeconds => options.Value.WindowSeconds;

    /// <summary>Whether this token should be refused unseen: its address has no refusals left in the window and the token was not accepted lately.</summary>
    public bool IsBlocked(string address, string token) =>
        _limiter.GetStatistics(address)?.CurrentAvailablePermits == 0 && !accepted.TryGetValue(Key(token), out _);

    /// <summary>Remembers a token that was just accepted, by its hash.</summary>
    public void RememberAcceptance(string token) => accepted.Set(Key(token), true, RememberAccepted);

    /// <summary>Counts one refused token against the address.</summary>
    public void CountRefusal(string address)
    {
        using var lease = _limiter.AttemptAcquire(address);
    }

    public void Dispose() => _limiter.Dispose();

    private static string Key(string token) => "accepted-token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
