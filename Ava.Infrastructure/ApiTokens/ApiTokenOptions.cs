namespace Ava.Infrastructure.ApiTokens;

/// <summary>The <c>ApiTokens</c> section: how many tokens a user may hold and whether one may never expire.</summary>
public sealed class ApiTokenOptions
{
    public const string Section = "ApiTokens";

    /// <summary>Active (not revoked, not expired) tokens per user; limits are per user, and more tokens do not multiply them.</summary>
    public int MaxActivePerUser { get; set; } = 10;

    /// <summary>The expiry the token page proposes and the command line uses when none is given.</summary>
    public int DefaultExpiryDays { get; set; } = 90;

    /// <summary>Whether a token may be created without an expiry; an administrator's decision, off by default.</summary>
    public bool AllowNoExpiry { get; set; }
}
