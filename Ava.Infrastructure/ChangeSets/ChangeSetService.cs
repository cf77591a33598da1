using Ava.Domain.Audit;
using Ava.Domain.ChangeSets;
using Ava.Domain.Common;
using Ava.Domain.Recommendations;
using Ava.Domain.Security;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ava.Infrastructure.ChangeSets;

/// <summary>
/// Applied recommendations: list, diff, and the all-or-nothing rollback (specification §4) that refuses,
/// writing nothing but its audit event, when anything the changeset wrote has changed since.
/// </summary>
public sealed class ChangeSetService(
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    AuditTrail trail,
    ChangeTargets targets,
    LiveUpdates activity,
    TimeProvider clock,
    ILogger<ChangeSetService> logger)
{
    public async Task<Paged<ChangeSetRow>> ListAsync(ChangeSetQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandApprovalsViewerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sets = db.ChangeSets.AsNoTracking();
        if (query.Status is { } status)
        {
            sets = sets.Where(c => c.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.AppliedBy))
        {
            sets = sets.Where(c => c.AppliedBy == query.AppliedBy.Trim());
        }

        if (query.From is { } from)
        {
            sets = sets.Where(c => c.AppliedAt >= from);
        }

        if (query.To is { } to)
        {
            sets = sets.Where(c => c.AppliedAt < to);
        }

        if (query.Complexity is { } complexity)
        {
            sets = sets.Where(c => c.Complexity == complexity);
        }

        if (query.TargetType is { } type)
        {
            sets = sets.Where(c => c.TargetType == type);
        }

        var total = await sets.CountAsync(cancellationToken);
        var items = await sets
            .OrderByDescending(c => c.AppliedAt).ThenByDescending(c => c.Id)
            .Page(page)
            .Join(db.Recommendations, c => c.RecommendationId, r => r.Id, (c, r) => new ChangeSetRow(
                c.Id, c.RecommendationId, c.TargetType, r.TargetSummary, c.EntityCount, c.Complexity, c.Status, c.AppliedBy, c.AppliedAt, c.RolledBackBy, c.RolledBackAt))
            .ToListAsync(cancellationToken);
        return new Paged<ChangeSetRow>(items, total, page);
    }

    /// <summary>Who has applied changesets, for the filter.</summary>
    public async Task<IReadOnlyList<string>> ListApproversAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandApprovalsViewerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ChangeSets.Select(c => c.AppliedBy).Distinct().OrderBy(a => a).Take(200).ToListAsync(cancellationToken);
    }

    public async Task<ChangeSetDetail?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandApprovalsViewerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var set = await db.ChangeSets.AsNoTracking().Include(c => c.Records).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (set is null)
        {
            return null;
        }

        var recommendation = await db.Recommendations.AsNoTracking().SingleAsync(r => r.Id == set.RecommendationId, cancellationToken);
        var records = set.Records.OrderBy(r => r.Order).Select(View).ToList();
        return new ChangeSetDetail(
            new ChangeSetRow(set.Id, set.RecommendationId, set.TargetType, recommendation.TargetSummary, set.EntityCount, set.Complexity, set.Status,
                set.AppliedBy, set.AppliedAt, set.RolledBackBy, set.RolledBackAt),
            ApprovalGrantNames.Normalize(set.ApprovalGrant), recommendation.Rationale, recommendation.Source, recommendation.Confidence, set.RollbackReason, records);
    }

    /// <summary>
    /// Restores every record's before-state in one transaction. Throws
    /// <see cref="RollbackConflictException"/> (writing only the audit event) when a field it would
    /// restore changed after the changeset, and <see cref="ChangeSetRolledBackException"/> when it was rolled back already.
    /// </summary>
    public async Task RollbackAsync(long id, string reason, CancellationToken cancellationToken = default)
    {
        var (user, grant) = await guard.DemandApproverAsync();
        DecisionReasons.Demand(reason, "roll back a changeset");

        var by = user.DisplayName();
        var now = clock.GetUtcNow();
        long recommendationId;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var set = await db.ChangeSets.Include(c => c.Records).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
                ?? throw new NotFoundException($"Changeset {id} does not exist.");
            if (set.Status == ChangeSetStatus.RolledBack)
            {
                var refusal = new ChangeSetRolledBackException(set.RolledBackBy, set.RolledBackAt);
                await trail.AppendAsync(db, new AuditEntry(ChangeSetAuditActions.RollbackRefused, Resource(id), false, refusal.Message,
                    AuditTrail.Metadata(new { reason = reason.Trim() })), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                throw refusal;
            }

            recommendationId = set.RecommendationId;
            var records = set.Records.OrderByDescending(r => r.Order).ToList();
            var conflicts = new List<RollbackConflict>();
            foreach (var record in records)
            {
                conflicts.AddRange(await targets.For(record.EntityType).FindConflictsAsync(db, record, cancellationToken));
            }

            if (conflicts.Count > 0)
            {
                await trail.AppendAsync(db, new AuditEntry(ChangeSetAuditActions.RollbackRefused, Resource(id), false, "The changed entities were edited after the changeset.",
                    AuditTrail.Metadata(new { reason = reason.Trim(), conflicts })), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                throw new RollbackConflictException(conflicts.OrderBy(c => c.Entity, StringComparer.Ordinal).ThenBy(c => c.Field, StringComparer.Ordinal).ToList());
            }

            try
            {
                foreach (var record in records)
                {
                    await targets.For(record.EntityType).RevertAsync(db, record, by, now, cancellationToken);
                }

                set.RollBack(by, now, reason);
                var recommendation = await db.Recommendations.SingleAsync(r => r.Id == set.RecommendationId, cancellationToken);
                recommendation.MarkRolledBack();
                await db.SaveChangesAsync(cancellationToken);
                await trail.AppendAsync(db, new AuditEntry(ChangeSetAuditActions.RolledBack, Resource(id), true, Metadata: AuditTrail.Metadata(new
                {
                    reason = reason.Trim(),
                    grant = ApprovalGrantNames.Of(grant.Reason),
                    recommendation = set.RecommendationId,
                    records = records.Select(r => new { type = r.EntityType.Name, id = r.EntityId, operation = r.Operation.ToString() }),
                })), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                Exception refusal = (Exception?)await RolledBackMeanwhileAsync(id, cancellationToken) ?? new TargetChangedException();
                await trail.RecordAsync(new AuditEntry(ChangeSetAuditActions.RollbackRefused, Resource(id), false, refusal.Message,
                    AuditTrail.Metadata(new { reason = reason.Trim() })), cancellationToken: CancellationToken.None);
                throw refusal;
            }
            catch (Exception ex) when (ex is DomainException or DbUpdateException)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                logger.LogWarning(ex, "Rolling back changeset {ChangeSetId} failed; nothing was changed", id);
                await trail.RecordAsync(new AuditEntry(ChangeSetAuditActions.RollbackRefused, Resource(id), false, ex.Message,
                    AuditTrail.Metadata(new { reason = reason.Trim() })), cancellationToken: CancellationToken.None);
                throw new DomainException($"Nothing was rolled back: {ex.Message}");
            }
        }

        activity.Publish(new ApprovalActivityEvent(ApprovalActivityKind.RolledBack, recommendationId, id));
    }

    internal static string Resource(long id) => $"changeset/{id}";

    private async Task<ChangeSetRolledBackException?> RolledBackMeanwhileAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var set = await db.ChangeSets.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
        return set.Status == ChangeSetStatus.RolledBack ? new ChangeSetRolledBackException(set.RolledBackBy, set.RolledBackAt) : null;
    }

    private ChangeRecordView View(AiChangeRecord record)
    {
        var target = targets.For(record.EntityType);
        var before = EntitySnapshot.FromJson(record.BeforeState);
        var after = EntitySnapshot.FromJson(record.AfterState);
        var names = (before ?? after)!.Fields.Keys;
        var fields = names.Select(n => new FieldDiff(
            n,
            before?.Fields.GetValueOrDefault(n),
            after?.Fields.GetValueOrDefault(n),
            record.ChangedFields.Contains(n) || record.Operation != ChangeOperation.Update,
            target.IsLongText(n))).ToList();
        var title = after?.Fields.GetValueOrDefault(target.TitleField) ?? before?.Fields.GetValueOrDefault(target.TitleField) ?? $"#{record.EntityId}";
        return new ChangeRecordView(record.Order, record.EntityType, record.EntityId, record.Operation, title, fields, before, after);
    }
}

/// <summary>A changeset is rolled back at most once.</summary>
public sealed class ChangeSetRolledBackException(string? by, DateTimeOffset? at)
    : DomainException($"This changeset was already rolled back by {by ?? "someone"}{(at is { } time ? $" at {time.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC" : "")}.");
