using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ava.Domain.Audit;
using Ava.Domain.ChangeSets;
using Ava.Domain.Common;
using Ava.Domain.Recommendations;
using Ava.Domain.Security;
using Ava.Domain.Tickets;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Approvals;

/// <summary>
/// The approval loop (specification §3, §4): assistants submit recommendations (run_ai_prompts); approvers
/// approve, reject or escalate them. Approval applies every change in one transaction through the
/// entities' validators and records a changeset; a failure writes nothing but a Failed status and
/// its audit event.
/// </summary>
public sealed partial class RecommendationService(
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    AuditTrail trail,
    ChangeTargets targets,
    IOptions<ApprovalOptions> options,
    LiveUpdates activity,
    TimeProvider clock,
    ILogger<RecommendationService> logger)
{
    public const int MaxPageSize = 200;
    public const int MaxChanges = 500;
    public const string SystemActor = "system";

    public async Task<SubmissionResult> SubmitAsync(RecommendationSubmission submission, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.RunAiPrompts);
        var settings = options.Value;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changes = await CheckSubmissionAsync(db, submission, cancellationToken);
        var band = settings.Thresholds.Classify(submission.Confidence);
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var recommendation = new AiRecommendation(changes, submission.Rationale.Trim(), submission.Confidence, band, submission.Source.Trim(), user.DisplayName(), now);
        db.Recommendations.Add(recommendation);
        await db.SaveChangesAsync(cancellationToken);
        await trail.AppendAsync(db, new AuditEntry(RecommendationAuditActions.Submitted, Resource(recommendation.Id), true, Metadata: AuditTrail.Metadata(new
        {
            source = recommendation.Source,
            confidence = recommendation.Confidence,
            band = recommendation.Band.ToString(),
            targets = changes.Select(c => new { type = c.TargetType.ToString(), id = c.TargetId, operation = c.Operation.ToString(), fields = c.Fields.Select(f => f.Field) }),
        })), cancellationToken);

        TicketReference? ticket = null;
        if (band == ConfidenceBand.Escalated)
        {
            recommendation.Escalate(SystemActor, now, settings.AutoEscalationUrgency);
            await db.SaveChangesAsync(cancellationToken);
            ticket = await OpenTicketAsync(db, recommendation, settings.AutoEscalationUrgency, SystemActor, now, automatic: true, cancellationToken);
            await trail.AppendAsync(db, new AuditEntry(RecommendationAuditActions.Escalated, Resource(recommendation.Id), true, Metadata: AuditTrail.Metadata(new
            {
                urgency = settings.AutoEscalationUrgency.ToString(),
                ticket = ticket.Number,
                automatic = true,
                reason = $"confidence {recommendation.Confidence:0.00} is below the review threshold {settings.ReviewThreshold:0.00}",
            })), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        activity.Publish(new ApprovalActivityEvent(ApprovalActivityKind.Submitted, recommendation.Id));
        return new SubmissionResult(recommendation.Id, recommendation.Status, band, ticket?.Id, ticket?.Number);
    }

    public async Task<RecommendationPage> ListAsync(RecommendationQuery query, CancellationToken cancellationToken = default)
    {
        await guard.DemandApprovalsViewerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recommendations = db.Recommendations.AsNoTracking();
        if (query.Status is { } status)
        {
            recommendations = recommendations.Where(r => r.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Source))
        {
            recommendations = recommendations.Where(r => r.Source == query.Source);
        }

        if (query.TargetType is { } type)
        {
            recommendations = recommendations.Where(r => r.TargetType == type);
        }

        if (query.Band is { } band)
        {
            recommendations = recommendations.Where(r => r.Band == band);
        }

        var total = await recommendations.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var items = await recommendations
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip(Math.Max(0, query.Page) * pageSize)
            .Take(pageSize)
            .Select(r => new RecommendationRow(r.Id, r.TargetType, r.TargetSummary, r.ChangeSummary, r.Confidence, r.Band, r.Source, r.CreatedAt, r.Status, r.DecidedBy))
            .ToListAsync(cancellationToken);
        return new RecommendationPage(items, total, await CountBandsAsync(db, cancellationToken));
    }

    /// <summary>Pending recommendations an approver can act on, for the navigation badge.</summary>
    public async Task<int> CountPendingAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandApproverAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Recommendations.CountAsync(r => r.Status == RecommendationStatus.Pending, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListSourcesAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandApprovalsViewerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Recommendations.Select(r => r.Source).Distinct().OrderBy(s => s).Take(100).ToListAsync(cancellationToken);
    }

    public async Task<RecommendationDetail?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandApprovalsViewerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var r = await db.Recommendations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (r is null)
        {
            return null;
        }

        var preview = r.Status == RecommendationStatus.Pending ? await PreviewAsync(db, r, cancellationToken) : [];
        var ticketNumber = r.TicketId is { } ticketId
            ? await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Number).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new RecommendationDetail(
            r.Id, r.TargetType, r.TargetSummary, r.Rationale, r.Confidence, r.Band, r.Source, r.SubmittedBy, r.CreatedAt, r.Status,
            r.DecidedBy, r.DecidedAt, r.DecisionReason, r.ChangeSetId, r.TicketId, ticketNumber, r.Changes, preview, r.Version);
    }

    /// <summary>
    /// Applies the recommendation (specification §4) and returns the new changeset's id. Throws
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
        if (recommendation.Band == ConfidenceBand.NeedsReview && !reviewConfirmed)
        {
            throw new ReviewConfirmationRequiredException();
        }

        AiChangeSet changeSet;
        try
        {
            // Claim the recommendation first: a concurrent approver fails here, before touching any entity.
            recommendation.Approve(by, now, GrantText(grant));
            await db.SaveChangesAsync(cancellationToken);

            var records = new List<AiChangeRecord>();
            foreach (var (change, order) in recommendation.Changes.Select((c, i) => (c, i)))
            {
                records.Add(await targets.For(change.TargetType).ApplyAsync(db, change, order, by, now, cancellationToken));
            }

            changeSet = new AiChangeSet(recommendation.Id, records, by, GrantText(grant), now);
            db.ChangeSets.Add(changeSet);
            await db.SaveChangesAsync(cancellationToken);
            recommendation.LinkChangeSet(changeSet.Id);
            await db.SaveChangesAsync(cancellationToken);

            await trail.AppendAsync(db, new AuditEntry(RecommendationAuditActions.Approved, Resource(id), true, Metadata: AuditTrail.Metadata(new
            {
                grant = GrantText(grant),
                band = recommendation.Band.ToString(),
                confidence = recommendation.Confidence,
                reviewConfirmed,
                changeSet = changeSet.Id,
            })), cancellationToken);
            await trail.AppendAsync(db, new AuditEntry(ChangeSetAuditActions.Applied, ChangeSetService.Resource(changeSet.Id), true, Metadata: AuditTrail.Metadata(new
            {
                recommendation = id,
                complexity = changeSet.Complexity.ToString(),
                records = records.Select(r => new { type = r.EntityType.ToString(), id = r.EntityId, operation = r.Operation.ToString(), fields = r.ChangedFields }),
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
            var reason = ex is DomainException ? ex.Message : $"the database refused the change ({ex.GetBaseException().Message})";
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
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > AiRecommendation.ReasonMaxLength)
        {
            throw new InvalidValuesException(new Dictionary<string, string[]>
            {
                ["reason"] = [string.IsNullOrWhiteSpace(reason)
                    ? "A reason is required to reject a recommendation."
                    : $"The reason must be at most {AiRecommendation.ReasonMaxLength:N0} characters."],
            });
        }

        await DecideAsync(id, (db, recommendation, now) =>
        {
            recommendation.Reject(user.DisplayName(), now, reason);
            return trail.AppendAsync(db, new AuditEntry(RecommendationAuditActions.Rejected, Resource(id), true,
                Metadata: AuditTrail.Metadata(new { reason = reason.Trim(), grant = GrantText(grant) })), cancellationToken);
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
            ticket = await OpenTicketAsync(db, recommendation, urgency, user.DisplayName(), now, automatic: false, cancellationToken);
            await trail.AppendAsync(db, new AuditEntry(RecommendationAuditActions.Escalated, Resource(id), true,
                Metadata: AuditTrail.Metadata(new { urgency = urgency.ToString(), ticket = ticket.Number, grant = GrantText(grant) })), cancellationToken);
        }, cancellationToken);
        return ticket!;
    }

    internal static string Resource(long id) => $"recommendation/{id}";

    private static string GrantText(ApprovalGrant grant) => grant.Reason == ApprovalGrantReason.AdminRole ? "admin_role" : "approver_claim";

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
        await trail.AppendAsync(db, new AuditEntry(RecommendationAuditActions.ApplyFailed, Resource(id), false, reason), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        activity.Publish(new ApprovalActivityEvent(ApprovalActivityKind.Decided, id));
    }

    private static async Task<BandCounts> CountBandsAsync(AvaDbContext db, CancellationToken cancellationToken)
    {
        var pending = await db.Recommendations
            .Where(r => r.Status == RecommendationStatus.Pending)
            .GroupBy(r => r.Band)
            .Select(g => new { Band = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var escalated = await db.Recommendations.CountAsync(r => r.Status == RecommendationStatus.Escalated, cancellationToken);
        return new BandCounts(
            pending.Where(p => p.Band == ConfidenceBand.Ready).Sum(p => p.Count),
            pending.Where(p => p.Band == ConfidenceBand.NeedsReview).Sum(p => p.Count),
            escalated);
    }

    private async Task<IReadOnlyList<ChangePreview>> PreviewAsync(AvaDbContext db, AiRecommendation recommendation, CancellationToken cancellationToken)
    {
        var previews = new List<ChangePreview>();
        foreach (var change in recommendation.Changes)
        {
            var target = targets.For(change.TargetType);
            var (fields, problems, state) = await target.PreviewAsync(db, change, cancellationToken);
            string? changedSince = null;
            var title = change.TargetTitle ?? change.Describe();
            if (state is not null)
            {
                title = state.Title;
                if (change.TargetVersion is { } version && version != state.Version)
                {
                    changedSince = $"Changed by {state.UpdatedBy} at {state.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC, after this recommendation was made: the current values below are what approval will change.";
                }
            }

            previews.Add(new ChangePreview(change.TargetType, change.TargetId, change.Operation, title, fields, problems, changedSince));
        }

        return previews;
    }

    private async Task<TicketReference> OpenTicketAsync(
        AvaDbContext db, AiRecommendation recommendation, EscalationUrgency urgency, string by, DateTimeOffset now, bool automatic, CancellationToken cancellationToken)
    {
        var preview = await PreviewAsync(db, recommendation, cancellationToken);
        var ticket = new HelpdeskTicket(
            HelpdeskTicket.NewNumber(now, Guid.NewGuid()),
            urgency,
            $"AI recommendation #{recommendation.Id}: {recommendation.TargetSummary} ({recommendation.ChangeSummary})",
            TicketBody(recommendation, preview, urgency, by, now, automatic),
            recommendation.Id,
            by,
            now);
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(cancellationToken);
        recommendation.LinkTicket(ticket.Id);
        await db.SaveChangesAsync(cancellationToken);
        await trail.AppendAsync(db, new AuditEntry(TicketAuditActions.Opened, TicketService.Resource(ticket.Id), true, Metadata: AuditTrail.Metadata(new
        {
            number = ticket.Number,
            priority = ticket.Priority.ToString(),
            recommendation = recommendation.Id,
            automatic,
        })), cancellationToken);
        return new TicketReference(ticket.Id, ticket.Number);
    }

    private static string TicketBody(AiRecommendation r, IReadOnlyList<ChangePreview> preview, EscalationUrgency urgency, string by, DateTimeOffset now, bool automatic)
    {
        var body = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        body.AppendLine(culture, $"## Recommendation #{r.Id}").AppendLine()
            .AppendLine(culture, $"- **Target:** {Cell(r.TargetSummary)} ({RecommendationLabels.Of(r.TargetType).ToLowerInvariant()})")
            .AppendLine(culture, $"- **Source:** {Cell(r.Source)}")
            .AppendLine(culture, $"- **Confidence:** {r.Confidence:0.00} ({RecommendationLabels.Of(r.Band)})")
            .AppendLine(culture, $"- **Requested by:** {Cell(r.SubmittedBy)} at {r.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC")
            .AppendLine(culture, $"- **Escalated by:** {(automatic ? "automatic escalation (confidence below the review threshold)" : Cell(by))} at {now.UtcDateTime:yyyy-MM-dd HH:mm} UTC, urgency {urgency.ToString().ToLowerInvariant()}")
            .AppendLine().AppendLine("### Rationale").AppendLine();
        foreach (var line in r.Rationale.ReplaceLineEndings("\n").Split('\n'))
        {
            body.AppendLine(culture, $"> {line}");
        }

        body.AppendLine().AppendLine("### Proposed changes and the current state of the target").AppendLine();
        foreach (var change in preview)
        {
            body.AppendLine(culture, $"#### {change.Operation} {RecommendationLabels.Of(change.TargetType).ToLowerInvariant()}{(change.TargetId is { } id ? $" #{id}" : "")}: {Cell(change.TargetTitle)}").AppendLine()
                .AppendLine("| Field | Current | Proposed |").AppendLine("|---|---|---|");
            foreach (var field in change.Fields)
            {
                body.AppendLine(culture, $"| {field.Field} | {Cell(field.Current)} | {Cell(field.Proposed)} |");
            }

            foreach (var problem in change.Problems)
            {
                body.AppendLine().AppendLine(culture, $"- ⚠ {Cell(problem)}");
            }

            body.AppendLine();
        }

        body.AppendLine("### Conversation transcript").AppendLine().AppendLine("No conversation is attached to this recommendation.");
        return body.ToString();
    }

    /// <summary>Text inside a Markdown table cell or list item: one line, no pipes, at most 300 characters.</summary>
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "*(empty)*";
        }

        var text = value.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
        return text.Length > 300 ? text[..299] + "…" : text;
    }

    private async Task<IReadOnlyList<ProposedChange>> CheckSubmissionAsync(AvaDbContext db, RecommendationSubmission submission, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        void Error(string key, string message)
        {
            if (!errors.TryGetValue(key, out var list))
            {
                errors[key] = list = [];
            }

            list.Add(message);
        }

        if (string.IsNullOrWhiteSpace(submission.Rationale))
        {
            Error("rationale", "A rationale is required: say why the change is right.");
        }
        else if (submission.Rationale.Trim().Length > AiRecommendation.RationaleMaxLength)
        {
            Error("rationale", $"The rationale must be at most {AiRecommendation.RationaleMaxLength:N0} characters.");
        }

        if (double.IsNaN(submission.Confidence) || submission.Confidence is < 0 or > 1)
        {
            Error("confidence", "Confidence must be between 0.0 and 1.0.");
        }

        if (string.IsNullOrWhiteSpace(submission.Source) || !SourcePattern().IsMatch(submission.Source.Trim()))
        {
            Error("source", "Source must be code_review, triage, conversation or api:<client> (letters, digits, . _ - in the client name).");
        }

        var submitted = submission.Changes ?? [];
        if (submitted.Count == 0)
        {
            Error("changes", "A recommendation needs at least one change.");
        }
        else if (submitted.Count > MaxChanges)
        {
            Error("changes", $"A recommendation changes at most {MaxChanges} entities.");
        }

        var changes = new List<ProposedChange>();
        var named = new HashSet<(ChangeTargetType, long)>();
        foreach (var (change, i) in submitted.Take(MaxChanges).Select((c, i) => (c, i)))
        {
            var key = $"changes[{i}]";
            var type = targets.Parse(change.TargetType);
            if (type is null)
            {
                Error($"{key}.targetType", $"Target type '{change.TargetType}' is not allowed; recommendations may change {string.Join(" or ", targets.Names)}.");
                continue;
            }

            var target = targets.For(type.Value);
            var noun = RecommendationLabels.Of(type.Value).ToLowerInvariant();
            ChangeOperation? operation = change.Operation?.Trim().ToLowerInvariant() switch
            {
                null or "" => change.TargetId is null ? ChangeOperation.Create : ChangeOperation.Update,
                "create" => ChangeOperation.Create,
                "update" => ChangeOperation.Update,
                "delete" => ChangeOperation.Delete,
                _ => null,
            };
            if (operation is null)
            {
                Error($"{key}.operation", $"Operation '{change.Operation}' is not known; use create, update or delete.");
                continue;
            }

            if (operation == ChangeOperation.Create && change.TargetId is not null)
            {
                Error($"{key}.targetId", "A create has no target id.");
                continue;
            }

            if (operation != ChangeOperation.Create && change.TargetId is null)
            {
                Error($"{key}.targetId", $"An {operation.Value.ToString().ToLowerInvariant()} needs the id of the {noun}.");
                continue;
            }

            var fields = new List<FieldChange>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var fieldsOk = true;
            foreach (var (field, j) in (change.Fields ?? []).Select((f, j) => (f, j)))
            {
                var fieldKey = $"{key}.fields[{j}]";
                var canonical = target.Canonical(field.Field ?? "");
                if (canonical is null || !target.ChangeableFields.Contains(canonical))
                {
                    Error(fieldKey, $"Field '{field.Field}' is not allowed on a {noun}; a recommendation may change {string.Join(", ", target.ChangeableFields)}.");
                    fieldsOk = false;
                }
                else if (!seen.Add(canonical))
                {
                    Error(fieldKey, $"Field '{canonical}' is named twice.");
                    fieldsOk = false;
                }
                else if (target.CheckValue(canonical, field.Value) is { } problem)
                {
                    Error(fieldKey, problem);
                    fieldsOk = false;
                }
                else
                {
                    fields.Add(new FieldChange(canonical, field.Value));
                }
            }

            if (operation == ChangeOperation.Delete && seen.Count > 0)
            {
                Error($"{key}.fields", "A delete names no fields.");
                continue;
            }

            if (operation != ChangeOperation.Delete && seen.Count == 0 && fieldsOk)
            {
                Error($"{key}.fields", "Name at least one field to change.");
                continue;
            }

            if (!fieldsOk)
            {
                continue;
            }

            if (change.TargetId is { } targetId)
            {
                // Every record of a changeset is checked against the entity's current state on rollback, so one entity is one record.
                if (!named.Add((type.Value, targetId)))
                {
                    Error($"{key}.targetId", $"The {noun} #{targetId} is named twice; put all its changes in one entry.");
                    continue;
                }

                var state = await target.FindAsync(db, targetId, cancellationToken);
                if (state is null)
                {
                    Error($"{key}.targetId", $"There is no {noun} #{targetId}.");
                    continue;
                }

                changes.Add(new ProposedChange(type.Value, targetId, operation.Value, fields, state.Version, state.Title));
            }
            else
            {
                var title = fields.FirstOrDefault(f => f.Field == "title")?.Value;
                changes.Add(new ProposedChange(type.Value, null, operation.Value, fields, null, string.IsNullOrWhiteSpace(title) ? null : title.Trim()));
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidValuesException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        return changes;
    }

    [GeneratedRegex("^(code_review|triage|conversation|api:[A-Za-z0-9][A-Za-z0-9._-]{0,60})$")]
    private static partial Regex SourcePattern();
}
