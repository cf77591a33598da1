using Ava.Domain.ApiTokens;
using Ava.Infrastructure.Identity;

namespace Ava.Infrastructure.ApiTokens;

/// <summary>What a user asks for when creating a token: a name, and optionally a lifetime in days.</summary>
public sealed record NewApiToken(string Name, int? ExpiresInDays);

/// <summary>A token as its owner sees it in a list: never the secret.</summary>
public sealed record ApiTokenSummary(
    long Id,
    string Name,
    string Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    ApiTokenStatus Status);

/// <summary>A token just created. <see cref="Secret"/> is the only time the plain token exists outside its owner's hands.</summary>
public sealed record CreatedApiToken(ApiTokenSummary Token, string Secret);

public enum ApiTokenRefusal
{
    None = 0,

    /// <summary>Not shaped like a token at all; refused without a lookup.</summary>
    Malformed = 1,

    Unknown = 2,
    Revoked = 3,
    Expired = 4,
    UserLockedOut = 5,
}

/// <summary>The outcome of checking a presented token: its owner when it is valid, otherwise why not.</summary>
public sealed record ApiTokenVerification(ApiTokenRefusal Refusal, long? TokenId, string? Prefix, AvaUser? User)
{
    public bool IsValid => Refusal == ApiTokenRefusal.None && User is not null;

    public static ApiTokenVerification Valid(ApiToken token, AvaUser user) => new(ApiTokenRefusal.None, token.Id, token.Prefix, user);

    public static ApiTokenVerification Refused(ApiTokenRefusal refusal, ApiToken? token = null) => new(refusal, token?.Id, token?.Prefix, null);
}
