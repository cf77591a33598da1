using Ava.Domain.Audit;
using Ava.Domain.Recommendations;
using Ava.Domain.Security;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Approvals;

/// <summary>
/// The one way a recommendation enters the product (specification §3): the API, code review and conversations
/// all submit here. The submitter is the caller, who needs run_ai_prompts; the submission is checked
/// against the change-target catalogue (<see cref="SubmissionValidator"/>), classified into its
/// confidence band, and escalated to a helpdesk ticket at once when it falls below the review threshold.
/// Nothing is applied here: that takes an approver's decision.
/// </summary>
public sealed class RecommendationIntake(
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    AuditTrail trail,
    ChangeTargets targets,
    IValidator<SubmissionUnderReview> validator,
    EscalationTickets tickets,
    IOptions<ApprovalOptions> options,
    LiveUpdates activity,
    TimeProvider clock)
{
    /// <summary>Who decides an automatic escalation.</summary>
    public const string SystemActor = "system";

    /// <summary>
    /// Records the recommendation as pending (or escalated, with its ticket, below the review threshold).
    /// Throws <see cref="InvalidValuesException"/> with a message per offending part, keyed like
    /// <c>changes[1].fields[0]</c>, and <see cref="PermissionDeniedException"/> without run_ai_prompts.
    /// </summary>
    public Task<SubmissionResult> SubmitAsync(RecommendationSubmission submission, CancellationToken cancellationToken = default) =>
        SubmitAsync(submission, null, cancellationToken);

    /// <summary>
    /// As <see cref="SubmitAsync(RecommendationSubmission, CancellationToken)"/>, with <paramref name="alongside"/> run inside the
    /// submission's transaction once the recommendation has its id: what the submitter records about it (a code
    /// review linking its recommendation) commits with the recommendation or not at all.
    /// </summary>
    internal async Task<SubmissionResult> SubmitAsync(
        RecommendationSubmission submission, Func<AvaDbContext, long, CancellationToken, Task>? alongside, CancellationToken cancellationToken)
    {
        var user = await guard.DemandAsync(Permissions.RunAiPrompts);
        var settings = options.Value;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var review = await ReviewAsync(db, submission, cancellationToken);
        var result = await validator.ValidateAsync(review, cancellationToken);
        if (!result.IsValid)
        {
            throw new InvalidValuesException(result.Errors
                .GroupBy(e => e.PropertyName)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
        }

        var changes = review.Changes.Select(c => c.ToProposedChange()).ToList();
        await CheckProposedValuesAsync(db, review, changes, cancellationToken);
        var band = settings.Thresholds.Classify(submission.Confidence);
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var recommendation = new AiRecommendation(changes, targets, submission.Rationale.Trim(), submission.Confidence, band, submission.Source.Trim(), user.DisplayName(), now);
        db.Recommendations.Add(recommendation);
        await db.SaveChangesAsync(cancellationToken);
        await trail.AppendAsync(db, new AuditEntry(RecommendationAuditActions.Submitted, AuditResources.Recommendation(recommendation.Id), true, Metadata: AuditTrail.Metadata(new
        {
            source = recommendation.Source,
            confidence = recommendation.Confidence,
            band = recommendation.Band.ToString(),
            targets = changes.Select(c => new { type = c.TargetType.Name, id = c.TargetId, operation = c.Operation.ToString(), fields = c.Fields.Select(f => f.Field) }),
        })), cancellationToken);

        TicketReference? ticket = null;
        if (band == ConfidenceBand.Escalated)
        {
            ticket = await EscalateAsync(db, recommendation, settings, now, cancellationToken);
        }

        if (alongside is not null)
        {
            await alongside(db, recommendation.Id, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        activity.Publish(new ApprovalActivityEvent(ApprovalActivityKind.Submitted, recommendation.Id));
        return new SubmissionResult(recommendation.Id, recommendation.Status, band, ticket?.Id, ticket?.Number);
    }

    /// <summary>Reads every change against the catalogue and loads the current state of each entity it names, for the validator.</summary>
    private async Task<SubmissionUnderReview> ReviewAsync(AvaDbContext db, RecommendationSubmission submission, CancellationToken cancellationToken)
    {
        var changes = new List<ChangeUnderReview>();
        var named = new HashSet<(ChangeTargetType, long)>();
        foreach (var change in (submission.Changes ?? []).Take(SubmissionValidator.MaxChanges))
        {
            var target = targets.Find(change.TargetType);
            var operation = OperationOf(change);
            var fields = new List<FieldUnderReview>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var field in change.Fields ?? [])
            {
                var canonical = target?.Canonical(field.Field ?? "");
                var allowed = canonical is not null && target!.ChangeableFields.Contains(canonical);
                fields.Add(new FieldUnderReview(field, canonical, allowed && !seen.Add(canonical!)));
            }

            var namedBefore = false;
            TargetState? current = null;
            if (target is not null && operation is not null and not ChangeOperation.Create && change.TargetId is { } id)
            {
                namedBefore = !named.Add((target.Type, id));
                current = namedBefore ? null : await target.FindAsync(db, id, cancellationToken);
            }

            changes.Add(new ChangeUnderReview(change, target, operation, fields, namedBefore, current));
        }

        return new SubmissionUnderReview(submission, changes);
    }

    /// <summary>
    /// Every proposed value against the target field's own rules, now rather than at approval: a title of a
    /// megabyte or a score of 1e400 is refused with the field named, and never reaches the queue.
    /// </summary>
    private static async Task CheckProposedValuesAsync(AvaDbContext db, SubmissionUnderReview review, IReadOnlyList<ProposedChange> changes, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var target = review.Changes[i].Target!;
            foreach (var (field, messages) in await target.CheckProposalAsync(db, change, cancellationToken))
            {
                var index = change.Fields.Select(f => target.Canonical(f.Field)).ToList().IndexOf(field);
                errors[index >= 0 ? $"changes[{i}].fields[{index}]" : $"changes[{i}].{field}"] = messages;
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidValuesException(errors);
        }
    }

    private static ChangeOperation? OperationOf(SubmittedChange change) => change.Operation?.Trim().ToLowerInvariant() switch
    {
        null or "" => change.TargetId is null ? ChangeOperation.Create : ChangeOperation.Update,
        "create" => ChangeOperation.Create,
        "update" => ChangeOperation.Update,
        "delete" => ChangeOperation.Delete,
        _ => null,
    };

    private async Task<TicketReference> EscalateAsync(
        AvaDbContext db, AiRecommendation recommendation, ApprovalOptions settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        recommendation.Escalate(SystemActor, now, settings.AutoEscalationUrgency);
        await db.SaveChangesAsync(cancellationToken);
        var ticket = await tickets.OpenAsync(db, recommendation, new Escalation(settings.AutoEscalationUrgency, SystemActor, now, Automatic: true), cancellationToken);
        await trail.AppendAsync(db, new AuditEntry(RecommendationAuditActions.Escalated, AuditResources.Recommendation(recommendation.Id), true, Metadata: AuditTrail.Metadata(new
        {
            urgency = settings.AutoEscalationUrgency.ToString(),
            ticket = ticket.Number,
            automatic = true,
            reason = $"confidence {recommendation.Confidence:0.00} is below the review threshold {settings.ReviewThreshold:0.00}",
        })), cancellationToken);
        return ticket;
    }
}
