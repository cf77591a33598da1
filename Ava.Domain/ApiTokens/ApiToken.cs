using Ava.Domain.Common;

namespace Ava.Domain.ApiTokens;

public enum ApiTokenStatus
{
    Active = 0,
    Expired = 1,
    Revoked = 2,
}

/// <summary>
/// A personal access token for the REST API. Only the SHA-256 of the secret is kept; the secret
/// itself is shown to its owner once, when the token is created (see <see cref="ApiTokenSecret"/>).
/// </summary>
public sealed class ApiToken
{
    public const int NameMaxLength = 100;
    public const int MaxLifetimeDays = 365;

    /// <summary>How stale <see cref="LastUsedAt"/> may be: a token in steady use is written at most once per interval.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    private ApiToken()
    {
    }

    public ApiToken(string ownerId, string name, ApiTokenSecret secret, DateTimeOffset createdAt, DateTimeOffset? expiresAt)
    {
        if (expiresAt is { } expiry && expiry <= createdAt)
        {
            throw new DomainException("A token must expire after it is created.");
        }

        OwnerId = ownerId;
        Name = name.Trim();
        Prefix = secret.Prefix;
        SecretHash = secret.Hash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public long Id { get; private set; }

    /// <summary>The Identity user the token acts as.</summary>
    public string OwnerId { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The start of the secret, enough for its owner to recognise it in a list.</summary>
    public string Prefix { get; private set; } = "";

    /// <summary>The lower-case hex SHA-256 of the whole secret.</summary>
    public string SecretHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public ApiTokenStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? ApiTokenStatus.Revoked
        : ExpiresAt is { } expiry && expiry <= now ? ApiTokenStatus.Expired
        : ApiTokenStatus.Active;

    public void Revoke(string by, DateTimeOffset at)
    {
        if (RevokedAt is not null)
        {
            throw new DomainException($"The token '{Name}' was already revoked by {RevokedBy}.");
        }

        RevokedAt = at;
        RevokedBy = by;
    }

    /// <summary>Whether a use at <paramref name="at"/> should be written, given the last recorded one.</summary>
    public static bool IsUseWorthRecording(DateTimeOffset? lastUsedAt, DateTimeOffset at) =>
        lastUsedAt is not { } last || at - last >= LastUsedPrecision;
}
