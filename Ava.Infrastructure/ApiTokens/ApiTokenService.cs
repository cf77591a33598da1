using System.Security.Claims;
using Ava.Domain.ApiTokens;
using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Identity;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.ApiTokens;

/// <summary>
/// Personal access tokens for the REST API (specification §9). Any signed-in user creates, lists and revokes
/// their own tokens; manage_users may revoke anyone's. Creation and revocation are audited in the
/// same transaction. <see cref="VerifyAsync"/> is the API's authentication: one indexed lookup by
/// the secret's hash, joined to its owner.
/// </summary>
public sealed class ApiTokenService(
    IDbContextFactory<AvaDbContext> contexts,
    IUserContext userContext,
    PermissionGuard guard,
    AuditTrail trail,
    VersionedWriter writer,
    IValidator<NewApiToken> validator,
    IOptions<ApiTokenOptions> options,
    TimeProvider clock,
    ILogger<ApiTokenService> logger)
{
    /// <summary>Creates a token for the caller and returns it with its secret, which is never shown again.</summary>
    public async Task<CreatedApiToken> CreateAsync(NewApiToken request, CancellationToken cancellationToken = default)
    {
        var (ownerId, _) = await SignedInCallerAsync();
        await validator.EnsureValidAsync(request, cancellationToken);
        var now = clock.GetUtcNow();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var held = await db.ApiTokens.AsNoTracking().Where(t => t.OwnerId == ownerId && t.RevokedAt == null).ToListAsync(cancellationToken);
            var active = held.Count(t => t.StatusAt(now) == ApiTokenStatus.Active);
            if (active >= options.Value.MaxActivePerUser)
            {
                throw new InvalidValuesException(new Dictionary<string, string[]>
                {
                    [nameof(NewApiToken.Name)] = [$"You have {active} active tokens, the most one account may hold; revoke one you no longer use first."],
                });
            }
        }

        var secret = ApiTokenSecret.Generate();
        var expiresAt = request.ExpiresInDays is { } days ? now.AddDays(days) : (DateTimeOffset?)null;
        var token = await writer.CreateAsync(
            new ApiToken(ownerId, request.Name, secret, now, expiresAt),
            t => new AuditEntry(ApiTokenAuditActions.Created, Resource(t.Id), true,
                Metadata: AuditTrail.Metadata(new { name = t.Name, prefix = t.Prefix, expiresAt = t.ExpiresAt })),
            cancellationToken);
        logger.LogInformation("API token {ApiTokenId} created for user {UserId}", token.Id, ownerId);
        return new CreatedApiToken(Summary(token, now), secret.Value);
    }

    /// <summary>The caller's tokens, newest first, in every state.</summary>
    public async Task<IReadOnlyList<ApiTokenSummary>> ListOwnAsync(CancellationToken cancellationToken = default)
    {
        var (ownerId, _) = await SignedInCallerAsync();
        return await ListOfAsync(ownerId, cancellationToken);
    }

    /// <summary>Anyone's tokens, newest first, for manage_users (the users page).</summary>
    public async Task<IReadOnlyList<ApiTokenSummary>> ListForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ManageUsers);
        return await ListOfAsync(userId, cancellationToken);
    }

    /// <summary>
    /// Revokes every active token of <paramref name="userId"/> (the caller's own, or anyone's for manage_users),
    /// each audited, in one transaction: after a password change, or when an account may be compromised.
    /// </summary>
    /// <returns>How many tokens were revoked.</returns>
    public async Task<int> RevokeAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        var (callerId, caller) = await SignedInCallerAsync();
        if (userId != callerId)
        {
            await guard.DemandAsync(Permissions.ManageUsers);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var active = (await db.ApiTokens.Where(t => t.OwnerId == userId && t.RevokedAt == null).ToListAsync(cancellationToken))
            .Where(t => t.StatusAt(now) == ApiTokenStatus.Active).ToList();
        foreach (var token in active)
        {
            token.Revoke(caller.DisplayName(), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var token in active)
        {
            await trail.AppendAsync(db, new AuditEntry(ApiTokenAuditActions.Revoked, Resource(token.Id), true,
                Metadata: AuditTrail.Metadata(new { name = token.Name, prefix = token.Prefix, ownerId = userId, all = true })), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Count} API tokens of user {UserId} revoked", active.Count, userId);
        return active.Count;
    }

    private async Task<IReadOnlyList<ApiTokenSummary>> ListOfAsync(string ownerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking()
            .Where(t => t.OwnerId == ownerId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return tokens.Select(t => Summary(t, now)).ToList();
    }

    /// <summary>Revokes one of the caller's tokens, or anyone's for manage_users. A revoked token stops working at once.</summary>
    public async Task<ApiTokenSummary> RevokeAsync(long id, CancellationToken cancellationToken = default)
    {
        var (callerId, caller) = await SignedInCallerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ownerId = await db.ApiTokens.Where(t => t.Id == id).Select(t => t.OwnerId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"API token {id} does not exist.");
        if (ownerId != callerId)
        {
            // Checked (and a refusal recorded) before the transaction takes the database's write lock.
            await guard.DemandAsync(Permissions.ManageUsers);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var token = await db.ApiTokens.SingleAsync(t => t.Id == id, cancellationToken);
        var now = clock.GetUtcNow();
        token.Revoke(caller.DisplayName(), now);
        await db.SaveChangesAsync(cancellationToken);
        await trail.AppendAsync(db, new AuditEntry(ApiTokenAuditActions.Revoked, Resource(id), true,
            Metadata: AuditTrail.Metadata(new { name = token.Name, prefix = token.Prefix, ownerId })), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("API token {ApiTokenId} revoked", id);
        return Summary(token, now);
    }

    /// <summary>
    /// Checks a presented token: known, not revoked, not expired, its owner not locked by an administrator
    /// (the lockout after failed sign-ins does not stop tokens: they are separate credentials). Records the
    /// use at most once per <see cref="ApiToken.LastUsedPrecision"/>, so steady traffic does not write per request.
    /// </summary>
    public async Task<ApiTokenVerification> VerifyAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (!ApiTokenSecret.IsWellFormed(presented))
        {
            return ApiTokenVerification.Refused(ApiTokenRefusal.Malformed);
        }

        var hash = ApiTokenSecret.HashOf(presented);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.SecretHash == hash)
            .Join(db.Users.AsNoTracking(), t => t.OwnerId, u => u.Id, (t, u) => new { Token = t, User = u })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return ApiTokenVerification.Refused(ApiTokenRefusal.Unknown);
        }

        var now = clock.GetUtcNow();
        var refusal = found.Token.StatusAt(now) switch
        {
            ApiTokenStatus.Revoked => ApiTokenRefusal.Revoked,
            ApiTokenStatus.Expired => ApiTokenRefusal.Expired,
            _ when AccountLocks.IsLockedByAdministrator(found.User) => ApiTokenRefusal.UserLockedOut,
            _ => ApiTokenRefusal.None,
        };
        if (refusal != ApiTokenRefusal.None)
        {
            logger.LogInformation("API token {ApiTokenId} refused: {Refusal}", found.Token.Id, refusal);
            return ApiTokenVerification.Refused(refusal, found.Token);
        }

        if (ApiToken.IsUseWorthRecording(found.Token.LastUsedAt, now))
        {
            var staleBefore = now - ApiToken.LastUsedPrecision;
            await db.ApiTokens
                .Where(t => t.Id == found.Token.Id && (t.LastUsedAt == null || t.LastUsedAt <= staleBefore))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        return ApiTokenVerification.Valid(found.Token, found.User);
    }

    private async Task<(string UserId, ClaimsPrincipal User)> SignedInCallerAsync()
    {
        var user = await userContext.GetUserAsync();
        var userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        return userId is null
            ? throw new PermissionDeniedException("signed-in user", null)
            : (userId, user);
    }

    private static string Resource(long id) => $"api_token/{id}";

    private static ApiTokenSummary Summary(ApiToken t, DateTimeOffset now) =>
        new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt, t.RevokedBy, t.StatusAt(now));
}
