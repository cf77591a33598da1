using Ava.Domain.Audit;
using Ava.Domain.Common;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Common;

/// <summary>How a versioned entity is loaded, described in a conflict, and named in messages.</summary>
public sealed record VersionedSet<TEntity>(
    string Name,
    Func<AvaDbContext, IQueryable<TEntity>> Query,
    Func<TEntity, ConcurrencyConflictException> Conflict)
    where TEntity : class, IVersioned, IEntity;

/// <summary>
/// The one path for changing a versioned entity: load it, refuse a stale version with the current
/// values, apply the change, save (a concurrent writer still loses with a conflict), and write the
/// audit event in the same transaction.
/// </summary>
public sealed class VersionedWriter(IDbContextFactory<AvaDbContext> contexts, AuditTrail trail)
{
    /// <param name="change">Applies the change and returns its audit entry, or null when nothing changed.</param>
    public async Task<TEntity> ChangeAsync<TEntity>(
        VersionedSet<TEntity> set, long id, Guid expectedVersion, Func<AvaDbContext, TEntity, AuditEntry?> change, CancellationToken cancellationToken)
        where TEntity : class, IVersioned, IEntity
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entity = await set.Query(db).SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new NotFoundException($"{set.Name} {id} does not exist (it may have been deleted).");
        if (entity.Version != expectedVersion)
        {
            throw set.Conflict(entity);
        }

        var entry = change(db, entity);
        if (entry is null)
        {
            return entity;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another writer committed between our read and our write.
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            var current = await set.Query(fresh).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
            throw current is null ? new NotFoundException($"{set.Name} {id} was deleted by someone else.") : set.Conflict(current);
        }

        await trail.AppendAsync(db, entry, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entity;
    }

    /// <summary>Adds a new entity and its audit event in one transaction.</summary>
    public async Task<TEntity> CreateAsync<TEntity>(TEntity entity, Func<TEntity, AuditEntry> entry, CancellationToken cancellationToken)
        where TEntity : class
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        await trail.AppendAsync(db, entry(entity), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entity;
    }
}
