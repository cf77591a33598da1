using Ava.Domain.Audit;
using Ava.Domain.ChangeSets;
using Ava.Domain.Common;
using Ava.Domain.Recommendations;
using Ava.Domain.Security;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Approvals;

/// <summary>
/// What approvers do with a pending recommendation (specification §3, §4): approve it, which applies every change
/// in one transaction through the entities' validators and records a changeset; reject it with a
/// reason; or escalate it to the helpdesk. A failed apply writes nothing but a Failed status and its
/// audit event. Every decision needs the approver capability and records why the approver had it.
/// </summary>
public sealed class RecommendationDecisions(
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    AuditTrail trail,
    ChangeTargets targets,
    EscalationTickets tickets,
    LiveUpdates activity,
    IOptions<ApprovalOptions> options,
    TimeProvider clock,
    ILogger<RecommendationDecisions> logger)
{
    /// <summary>
    /// Applies the recommendation and returns the new changeset's id. Throws
    /// <see cref="RecommendationDecidedException"/> when someone decided it first,
    /// <see cref="ReviewConfirmationRequiredException"/> for an unconfirmed "needs review", and
    /// <see cref="ApplyFailedException"/> when a change cannot be applied (nothing is written then).
    /// </summary>
    public async Task<long> ApproveAsync(long id, bool reviewConfirmed = false, CancellationToken cancellationToken = default)
    {
        var (user, grant) = await guard.DemandApproverAsync();
        var by = user.DisplayName();
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var recommendation = await LoadPendingAsync(db, id, cancellationToken);
        if (options.Value.SeparationOfDuties && string.Equals(recommendation.SubmittedBy, by, StringComparison.OrdinalIgnoreCase))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            await trail.RecordAsync(new AuditEntry(RecommendationAuditActions.SelfApprovalRefused, AuditResources.Recommendation(id), false,
                "The approver submitted this recommendation.", AuditTrail.Metadata(new { submittedBy = recommendation.SubmittedBy })), cancellationToken: cancellationToken);
            throw new SelfApprovalRefusedException();
        }

        // Outside the apply's failure handling: a missing confirmation leaves the recommendation pending.
        recommendation.Approve(by, now, grant.Reason, reviewConfirmed);
        AiChangeSet changeSet;
        try
        {
            // Claim the recommendation first: a concurrent approver fails here, before touching any entity.
            await db.SaveChangesAsync(cancellationToken);

            var records = new List<AiChangeRecord>();
            foreach (var (change, order) in recommendation.Changes.Select((c, i) => (c, i)))
            {
                records.Add(await targets.For(change.TargetType).ApplyAsync(db, change, order, by, now, cancellationToken));
            }

            changeSet = new AiChangeSet(recommendation.Id, records, by, grant.Reason, now);
            db.ChangeSets.Add(changeSet);
            await db.SaveChangesAsync(cancellationToken);
            recommendation.LinkChangeSet(changeSet.Id);
            await db.SaveChangesAsync(cancellationToken);

            await trail.AppendAsync(db, new AuditEntry(RecommendationAuditActions.Approved, AuditResources.Recommendation(id), true, Metadata: AuditTrail.Metadata(new
            {
                grant = ApprovalGrantNames.Of(grant.Reason),
                band = recommendation.Band.ToString(),
                confidence = recommendation.Confidence,
                reviewConfirmed,
                changeSet = changeSet.Id,
            })), cancellationToken);
            await trail.AppendAsync(db, new AuditEntry(ChangeSetAuditActions.Applied, ChangeSetService.Resource(changeSet.Id), true, Metadata: AuditTrail.Metadata(new
            {
                recommendation = id,
                complexity = changeSet.Complexity.ToString(),
                records = records.Select(r => new { type = r.EntityType.Name, id = r.EntityId, operation = r.Operation.ToString(), fields = r.ChangedFields }),
            })), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException conflict) when (conflict.Entries.Any(e => e.Entity is AiRecommendation))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw await DecidedAsync(id, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A target was saved by someone else between our read and our write: nothing is applied, the recommendation stays pending.
            await transaction.RollbackAsync(CancellationToken.None);
            throw new TargetChangedException();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            // The database's own message names tables and constraints: it goes to the log, never to a page or an API answer.
            var reason = ex is DomainException ? ex.Message : $"the database refused the change (reference {CorrelationContext.Id ?? "none"} in the log)";
            logger.LogWarning(ex, "Approving recommendation {RecommendationId} failed; nothing was applied", id);
            await RecordFailureAsync(id, by, reason, CancellationToken.None);
            throw new ApplyFailedException(id, reason, ex);
        }

        activity.Publish(new ApprovalActivityEvent(ApprovalActivityKind.Decided, id, changeSet.Id));
        return changeSet.Id;
    }

    public async Task RejectAsync(long id, string reason, CancellationToken cancellationToken = default)
    {
        var (user, grant) = await guard.DemandApproverAsync();
        DecisionReasons.Demand(reason, "reject a recommendation");

        await DecideAsync(id, (db, recommendation, now) =>
        {
            recommendation.Reject(user.DisplayName(), now, reason);
            return trail.AppendAsync(db, new AuditEntry(RecommendationAuditActions.Rejected, AuditResources.Recommendation(id), true,
                Metadata: AuditTrail.Metadata(new { reason = reason.Trim(), grant = ApprovalGrantNames.Of(grant.Reason) })), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Escalates to the helpdesk: opens a ticket with the full context and links it both ways.</summary>
    public async Task<TicketReference> EscalateAsync(long id, EscalationUrgency urgency, CancellationToken cancellationToken = default)
    {
        var (user, grant) = await guard.DemandApproverAsync();
        if (!Enum.IsDefined(urgency))
        {
            throw new InvalidValuesException(new Dictionary<string, string[]> { ["urgency"] = ["Urgency must be low, medium, high or critical."] });
        }

        TicketReference? ticket = null;
        await DecideAsync(id, async (db, recommendation, now) =>
        {
            recommendation.Escalate(user.DisplayName(), now, urgency);
            await db.SaveChangesAsync(cancellationToken);
            ticket = await tickets.OpenAsync(db, recommendation, new Escalation(urgency, user.DisplayName(), now, Automatic: false), cancellationToken);
            await trail.AppendAsync(db, new AuditEntry(RecommendationAuditActions.Escalated, AuditResources.Recommendation(id), true,
                Metadata: AuditTrail.Metadata(new { urgency = urgency.ToString(), ticket = ticket.Number, grant = ApprovalGrantNames.Of(grant.Reason) })), cancellationToken);
        }, cancellationToken);
        return ticket!;
    }

    private async Task DecideAsync(long id, Func<AvaDbContext, AiRecommendation, DateTimeOffset, Task> decide, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var recommendation = await LoadPendingAsync(db, id, cancellationToken);
        try
        {
            await decide(db, recommendation, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw await DecidedAsync(id, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        activity.Publish(new ApprovalActivityEvent(ApprovalActivityKind.Decided, id));
    }

    private static async Task<AiRecommendation> LoadPendingAsync(AvaDbContext db, long id, CancellationToken cancellationToken)
    {
        var recommendation = await db.Recommendations.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException($"Recommendation {id} does not exist.");
        return recommendation.Status == RecommendationStatus.Pending
            ? recommendation
            : throw new RecommendationDecidedException(recommendation.Status, recommendation.DecidedBy, recommendation.DecidedAt);
    }

    private async Task<RecommendationDecidedException> DecidedAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await db.Recommendations.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken);
        return new RecommendationDecidedException(current.Status, current.DecidedBy, current.DecidedAt);
    }

    /// <summary>Marks the recommendation Failed with one audit event, in a transaction of its own after the apply was rolled back.</summary>
    private async Task RecordFailureAsync(long id, string by, string reason, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var recommendation = await db.Recommendations.SingleAsync(r => r.Id == id, cancellationToken);
        if (recommendation.Status != RecommendationStatus.Pending)
        {
            return;
        }

        recommendation.Fail(by, clock.GetUtcNow(), reason);
        await db.SaveChangesAsync(cancellationToken);
        await trail.AppendAsync(db, new AuditEntry(RecommendationAuditActions.ApplyFailed, AuditResources.Recommendation(id), false, reason), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        activity.Publish(new ApprovalActivityEvent(ApprovalActivityKind.Decided, id));
    }
}
