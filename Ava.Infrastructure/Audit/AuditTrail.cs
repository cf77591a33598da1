using System.Text.Json;
using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Infrastructure.Alerts;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ava.Infrastructure.Audit;

/// <summary>
/// The one way anything is written to the audit trail. Features append inside their own
/// transaction (<see cref="AppendAsync(AvaDbContext, AuditEntry, CancellationToken)"/>) so the change and its
/// event commit or fail together; events that belong to no change use <see cref="RecordAsync"/>.
/// Appends are serialized per database, so concurrent requests never fork the chain.
/// </summary>
public sealed class AuditTrail(
    IDbContextFactory<AvaDbContext> contexts,
    IAuditActorAccessor actors,
    SecurityAlerts alerts,
    TimeProvider clock,
    ILogger<AuditTrail> logger)
{
    private static readonly JsonSerializerOptions MetadataJson = new(JsonSerializerDefaults.Web);

    /// <summary>Serializes metadata the way every event stores it.</summary>
    public static string? Metadata(object? value) => value is null ? null : JsonSerializer.Serialize(value, MetadataJson);

    /// <summary>Appends an event for the current actor inside the caller's open transaction.</summary>
    public async Task<AuditEvent> AppendAsync(AvaDbContext db, AuditEntry entry, CancellationToken cancellationToken = default) =>
        await AppendAsync(db, entry, await actors.GetActorAsync(), cancellationToken);

    /// <summary>Appends an event for an explicit actor (for example a failed sign-in) inside the caller's open transaction.</summary>
    public async Task<AuditEvent> AppendAsync(AvaDbContext db, AuditEntry entry, AuditActor actor, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An audit event is appended inside the transaction of the change it describes; begin one first.");
        }

        EnsureKnown(entry);

        // The change the event describes is written first, in the same transaction.
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await AcquireChainLockAsync(db, cancellationToken);
        var tail = await AuditChainStore.ReadTailAsync(db, cancellationToken);
        var auditEvent = AuditEvent.Next(tail, clock.GetUtcNow(), entry, actor);
        await AuditChainStore.InsertAsync(db, auditEvent, cancellationToken);
        return auditEvent;
    }

    /// <summary>
    /// Appends events that already carry their own time (imported or seeded history), in order,
    /// inside the caller's open transaction.
    /// </summary>
    internal async Task AppendHistoryAsync(AvaDbContext db, IEnumerable<(DateTimeOffset At, AuditEntry Entry, AuditActor Actor)> events, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit history is appended inside a transaction.");
        }

        await AcquireChainLockAsync(db, cancellationToken);
        var tail = await AuditChainStore.ReadTailAsync(db, cancellationToken);
        foreach (var (at, entry, actor) in events)
        {
            EnsureKnown(entry);
            var auditEvent = AuditEvent.Next(tail, at, entry, actor);
            db.AuditEvents.Add(auditEvent);
            tail = new ChainTail(auditEvent.Sequence, auditEvent.Hash);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records an event in a transaction of its own (events that accompany no data change).</summary>
    public async Task<AuditEvent> RecordAsync(AuditEntry entry, AuditActor? actor = null, CancellationToken cancellationToken = default)
    {
        actor ??= await actors.GetActorAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var auditEvent = await AppendAsync(db, entry, actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return auditEvent;
    }

    /// <summary>
    /// Records that the current user was refused something for lack of a permission, and raises
    /// an alert when the same user keeps trying.
    /// </summary>
    public async Task RecordViolationAsync(string missingPermission, string resource, CancellationToken cancellationToken = default)
    {
        var actor = await actors.GetActorAsync();
        var entry = new AuditEntry(
            SecurityAuditActions.Violation,
            resource,
            Success: false,
            Error: $"Missing permission '{missingPermission}'.",
            Metadata: Metadata(new { permission = missingPermission }));

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AppendAsync(db, entry, actor, cancellationToken);
        if (await alerts.RaiseIfRepeatedViolationsAsync(db, actor, cancellationToken) is { } raised)
        {
            // The alert is the system's observation, not the refused user's act.
            await AppendAsync(db, AlertBook.RaisedEntry(raised), AuditActor.System(actor.CorrelationId), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogWarning("Security violation: {UserName} lacks {Permission} for {Resource}", actor.UserName, missingPermission, resource);
    }

    /// <summary>Only actions of an <see cref="AuditActionSetAttribute"/> set are recorded, so the audit page can filter on every one.</summary>
    private static void EnsureKnown(AuditEntry entry)
    {
        if (!AuditActions.IsKnown(entry.Action))
        {
            throw new ArgumentException($"'{entry.Action}' is not an audit action; add it to its feature's audit action set.", nameof(entry));
        }
    }

    internal static async Task AcquireChainLockAsync(AvaDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlServer())
        {
            // Held until the surrounding transaction ends, so the next append reads this one's hash.
            await db.Database.ExecuteSqlRawAsync(SqlServerStatements.AuditChainLock, cancellationToken);
        }

        // SQLite: every transaction begins IMMEDIATE (Microsoft.Data.Sqlite's default), which
        // takes the database's single write lock, so appends are already serialized.
    }
}
