using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Ava.Dashboard.Security;

/// <summary>
/// Failed sign-ins per client address. An address that failed <see cref="ClientThrottleOptions.SignInFailures"/>
/// times within the window may not try again until it ends (a refused attempt never reaches the password
/// check). Once it failed on <see cref="ClientThrottleOptions.SignInAccounts"/> different accounts, its
/// failures on further accounts no longer count towards their lockout: the five-failure lockout of each
/// account stays, but one address cannot use it to lock out account after account.
/// </summary>
internal sealed class SignInThrottle(IOptions<ClientThrottleOptions> options, IMemoryCache cache, TimeProvider clock)
{
    private sealed class Failures
    {
        public List<(DateTimeOffset At, string Account)> Items { get; } = [];
    }

    /// <summary>How long the address must wait before trying again, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string address)
    {
        if (!cache.TryGetValue(Key(address), out Failures? failures) || failures is null)
        {
            return null;
        }

        var o = options.Value;
        var now = clock.GetUtcNow();
        lock (failures)
        {
            Prune(failures, now);
            var recent = failures.Items.Where(f => f.At > now.AddMinutes(-o.SignInWindowMinutes)).ToList();
            return recent.Count >= o.SignInFailures ? recent[^o.SignInFailures].At.AddMinutes(o.SignInWindowMinutes) - now : null;
        }
    }

    /// <summary>
    /// Whether a failed password for <paramref name="account"/> from this address may count towards that account's
    /// lockout: not once the address has failed on <see cref="ClientThrottleOptions.SignInAccounts"/> other accounts.
    /// The attempt is still checked, so a colleague behind the same address signs in with the right password.
    /// </summary>
    public bool MayLockOut(string address, string account)
    {
        if (!cache.TryGetValue(Key(address), out Failures? failures) || failures is null)
        {
            return true;
        }

        var o = options.Value;
        var now = clock.GetUtcNow();
        var normalized = Normalize(account);
        lock (failures)
        {
            var accounts = failures.Items.Where(f => f.At > now.AddMinutes(-o.AccountWindowMinutes)).Select(f => f.Account).Distinct().ToList();
            return accounts.Count < o.SignInAccounts || accounts.Contains(normalized);
        }
    }

    public void RecordFailure(string address, string account)
    {
        var failures = cache.GetOrCreate(Key(address), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(Math.Max(options.Value.SignInWindowMinutes, options.Value.AccountWindowMinutes));
            return new Failures();
        })!;
        var now = clock.GetUtcNow();
        lock (failures)
        {
            Prune(failures, now);
            failures.Items.Add((now, Normalize(account)));
        }
    }

    /// <summary>True the first time an address is throttled in a window: the one time it is audited.</summary>
    public bool ShouldRecord(string address, TimeSpan wait)
    {
        var key = "sign-in-throttled:" + address;
        if (cache.TryGetValue(key, out _))
        {
            return false;
        }

        cache.Set(key, true, wait);
        return true;
    }

    private void Prune(Failures failures, DateTimeOffset now)
    {
        var oldest = now.AddMinutes(-Math.Max(options.Value.SignInWindowMinutes, options.Value.AccountWindowMinutes));
        failures.Items.RemoveAll(f => f.At <= oldest);
    }

    private static string Normalize(string account) => account.Trim().ToUpperInvariant();

    private static string Key(string address) => "sign-in-failures:" + address;
}
