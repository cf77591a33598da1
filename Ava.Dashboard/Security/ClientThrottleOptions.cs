namespace Ava.Dashboard.Security;

/// <summary>The <c>Security:Throttle</c> section: limits per client address on refused requests and failed sign-ins.</summary>
public sealed class ClientThrottleOptions
{
    public const string Section = "Security:Throttle";

    /// <summary>Refused requests (401 or 403) per window from one address before its requests are answered 429 unseen.</summary>
    public int RefusedRequests { get; set; } = 20;

    public int RefusedWindowSeconds { get; set; } = 60;

    /// <summary>Failed sign-ins per window from one address before it may not try again until the window ends.</summary>
    public int SignInFailures { get; set; } = 20;

    public int SignInWindowMinutes { get; set; } = 15;

    /// <summary>
    /// Distinct accounts one address may fail to sign in to within <see cref="AccountWindowMinutes"/>; beyond
    /// it the address cannot try another account, so it cannot lock out account after account.
    /// </summary>
    public int SignInAccounts { get; set; } = 5;

    public int AccountWindowMinutes { get; set; } = 60;
}
