using System.Globalization;
using Ava.Domain.ChangeSets;
using Ava.Domain.Recommendations;
using Ava.Domain.Security;
using Ava.Domain.Streams;
using Ava.Domain.Tickets;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Approvals;

/// <summary>
/// Demo mode's approval loop, built on the demo streams and codestones: 30 pending
/// recommendations in the ready and needs-review bands from triage and api:sync-daemon (the
/// code_review ones come from real reviews, seeded by the code reviews' own seeder); ten applied changesets (one rolled back, one whose stream was edited since, so
/// its rollback shows conflicts); three escalations with helpdesk tickets. Seeds once, after the
/// streams seeder, through the same change targets as a real approval.
/// </summary>
internal sealed class ApprovalsDemoSeeder(
    IDbContextFactory<AvaDbContext> contexts,
    ChangeTargets targets,
    RecommendationPreviews previews,
    TicketBodyComposer composer,
    IOptions<ApprovalOptions> options,
    TimeProvider clock) : IDemoDataSeeder
{
    private const string Admin = "admin@ava.local";
    private const string Developer = "developer@ava.local";

    private static readonly string[] StreamRationales =
    [
        "The linked incident was closed and the follow-up items are done; the stream reads as a finished write-up.",
        "Three newer streams cite this one as the root cause, so it deserves a higher priority while the fix is open.",
        "The summary still describes the first hypothesis; the postmortem replaced it with the measured cause.",
        "Tags do not match the component named in the title, which hides the stream from the team's saved filter.",
        "The ECL score predates the reproduction; with a reliable repro the evidence is much stronger now.",
        "Nobody has touched this in weeks and its action items were tracked elsewhere; refining it keeps the list honest.",
    ];

    private static readonly string[] CodestoneRationales =
    [
        "The review found no blocking issues: inputs are validated and the error paths are tested.",
        "The snippet builds SQL by concatenation; it should not be promoted until it uses parameters.",
        "The language was detected from the file extension and is wrong for this snippet.",
        "Security and performance scores from the latest review justify a higher ECL score.",
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Recommendations.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var thresholds = options.Value.Thresholds;
        var rng = new Random(2026);
        var streams = await db.Streams.AsNoTracking().Where(s => s.Status != StreamStatus.Archived)
            .OrderByDescending(s => s.CreatedAt).Select(s => s.Id).Take(80).ToListAsync(cancellationToken);
        // The newest codestones: the oldest dozen get real AI reviews and their recommendations from the code reviews' seeder.
        var codestones = await db.Codestones.AsNoTracking().OrderByDescending(c => c.Id).Select(c => c.Id).Take(30).ToListAsync(cancellationToken);
        if (streams.Count < 50 || codestones.Count < 12)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stream = targets.For(ChangeTargetType.Stream);
        var codestone = targets.For(ChangeTargetType.Codestone);

        // Ten applied changesets, oldest first, on their own streams.
        var applied = new List<AiChangeSet>();
        for (var i = 0; i < 10; i++)
        {
            var at = now.AddDays(-12 + i).AddMinutes(-rng.Next(0, 600));
            var change = await StreamChangeAsync(db, stream, streams[i], rng, withSummary: i % 3 == 0, cancellationToken);
            var recommendation = await AddAsync(db, [change], StreamRationales[i % StreamRationales.Length], 0.72 + rng.NextDouble() * 0.25, thresholds,
                i % 2 == 0 ? "triage" : "api:sync-daemon", at.AddHours(-3), cancellationToken);
            recommendation.Approve(Admin, at, ApprovalGrantReason.AdminRole);
            var record = await stream.ApplyAsync(db, change, 0, Admin, at, cancellationToken);
            var set = new AiChangeSet(recommendation.Id, [record], Admin, ApprovalGrantReason.AdminRole, at);
            db.ChangeSets.Add(set);
            await db.SaveChangesAsync(cancellationToken);
            recommendation.LinkChangeSet(set.Id);
            applied.Add(set);
        }

        // One rolled back; one whose stream a person edited afterwards, so rolling it back conflicts.
        var rolledBack = applied[2];
        foreach (var record in rolledBack.Records)
        {
            await stream.RevertAsync(db, record, Admin, now.AddDays(-9), cancellationToken);
        }

        rolledBack.RollBack(Admin, now.AddDays(-9), "The incident reopened the next morning; the stream is not finished.");
        (await db.Recommendations.SingleAsync(r => r.Id == rolledBack.RecommendationId, cancellationToken)).MarkRolledBack();
        var edited = await db.Streams.Include(s => s.Tags).SingleAsync(s => s.Id == applied[5].Records[0].EntityId, cancellationToken);
        edited.Update(edited.Values with
        {
            Status = edited.Status == StreamStatus.Refined ? StreamStatus.Raw : edited.Status,
            Priority = edited.Priority == StreamPriority.Now ? StreamPriority.Low : StreamPriority.Now,
        }, Developer, now.AddDays(-2));
        await db.SaveChangesAsync(cancellationToken);

        // Thirty pending: streams from triage and the sync daemon, codestones from triage.
        for (var i = 0; i < 30; i++)
        {
            var at = now.AddHours(-rng.Next(1, 24 * 6)).AddMinutes(-rng.Next(0, 60));
            var confidence = i % 5 < 3 ? 0.7 + rng.NextDouble() * 0.28 : 0.4 + rng.NextDouble() * 0.29;
            if (i % 3 == 2)
            {
                var change = await CodestoneChangeAsync(db, codestone, codestones[i / 3], rng, cancellationToken);
                await AddAsync(db, [change], CodestoneRationales[i % CodestoneRationales.Length], confidence, thresholds, "triage", at, cancellationToken);
            }
            else
            {
                var change = await StreamChangeAsync(db, stream, streams[12 + i], rng, withSummary: i % 4 == 0, cancellationToken);
                await AddAsync(db, [change], StreamRationales[i % StreamRationales.Length], confidence, thresholds, i % 2 == 0 ? "triage" : "api:sync-daemon", at, cancellationToken);
            }
        }

        // Three escalations with tickets in each status.
        var statuses = new[] { TicketStatus.Open, TicketStatus.InProgress, TicketStatus.Resolved };
        for (var i = 0; i < statuses.Length; i++)
        {
            var at = now.AddDays(-4 + i).AddMinutes(-rng.Next(0, 300));
            var change = await StreamChangeAsync(db, stream, streams[45 + i], rng, withSummary: false, cancellationToken);
            var automatic = i < 2;
            var recommendation = await AddAsync(db, [change], StreamRationales[(i + 2) % StreamRationales.Length],
                automatic ? 0.18 + 0.1 * i : 0.55, thresholds, "triage", at, cancellationToken);
            var urgency = automatic ? options.Value.AutoEscalationUrgency : EscalationUrgency.High;
            var by = automatic ? RecommendationIntake.SystemActor : Admin;
            recommendation.Escalate(by, at, urgency);
            var uuid = new byte[16];
            rng.NextBytes(uuid);
            var body = composer.Compose(recommendation, await previews.PreviewAsync(db, recommendation, cancellationToken), new Escalation(urgency, by, at, automatic));
            var ticket = new HelpdeskTicket(HelpdeskTicket.NewNumber(at, new Guid(uuid)), urgency, EscalationTickets.SubjectOf(recommendation), body, recommendation.Id, by, at);
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(cancellationToken);
            recommendation.LinkTicket(ticket.Id);
            foreach (var status in statuses.Skip(1).Take(i))
            {
                ticket.MoveTo(status, Admin, at.AddHours(2));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<AiRecommendation> AddAsync(
        AvaDbContext db, IReadOnlyList<ProposedChange> changes, string rationale, double confidence, ConfidenceThresholds thresholds, string source, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        confidence = Math.Round(confidence, 2);
        var recommendation = new AiRecommendation(changes, targets, rationale, confidence, thresholds.Classify(confidence), source, source == "code_review" ? "code-review-bot" : "triage-bot", at);
        db.Recommendations.Add(recommendation);
        await db.SaveChangesAsync(cancellationToken);
        return recommendation;
    }

    private static async Task<ProposedChange> StreamChangeAsync(AvaDbContext db, IChangeTarget target, long id, Random rng, bool withSummary, CancellationToken cancellationToken)
    {
        var state = (await target.FindAsync(db, id, cancellationToken))!;
        var fields = new List<FieldChange>();
        var status = state.Snapshot.Fields["status"];
        fields.Add(status == nameof(StreamStatus.Raw) ? new FieldChange("status", nameof(StreamStatus.Refined)) : new FieldChange("priority", rng.Next(2) == 0 ? "High" : "Now"));
        if (rng.Next(3) == 0)
        {
            fields.Add(new FieldChange("ecl_score", (0.55 + rng.NextDouble() * 0.4).ToString("0.00", CultureInfo.InvariantCulture)));
        }

        if (rng.Next(4) == 0)
        {
            fields.Add(new FieldChange("tags", string.Join(", ", (state.Snapshot.Fields["tags"] ?? "").Split(", ", StringSplitOptions.RemoveEmptyEntries).Append("needs-follow-up").Distinct())));
        }

        if (withSummary)
        {
            var summary = state.Snapshot.Fields["summary"] ?? "";
            fields.Add(new FieldChange("summary", summary.TrimEnd() + "\n\n## Resolution\n- Root cause confirmed by the reproduction.\n- Fix verified in staging; monitoring for a week.\n"));
        }

        return new ProposedChange(ChangeTargetType.Stream, id, ChangeOperation.Update, fields, state.Version, state.Title);
    }

    private static async Task<ProposedChange> CodestoneChangeAsync(AvaDbContext db, IChangeTarget target, long id, Random rng, CancellationToken cancellationToken)
    {
        var state = (await target.FindAsync(db, id, cancellationToken))!;
        var next = state.Snapshot.Fields["review_status"] switch
        {
            "Draft" => "Review",
            "Review" => "Approved",
            _ => "Merged",
        };
        var fields = new List<FieldChange> { new("review_status", next) };
        if (rng.Next(2) == 0)
        {
            fields.Add(new FieldChange("ecl_score", (0.5 + rng.NextDouble() * 0.45).ToString("0.00", CultureInfo.InvariantCulture)));
        }

        return new ProposedChange(ChangeTargetType.Codestone, id, ChangeOperation.Update, fields, state.Version, state.Title);
    }
}
