using System.Security.Claims;
using Ava.Domain.Audit;
using Ava.Domain.Codestones;
using Ava.Domain.Common;
using Ava.Domain.Security;
using Ava.Domain.Settings;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Settings;
using Ava.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Codestones;

/// <summary>
/// Asking for AI code reviews (run_ai_prompts): of one codestone, of a selection, or of every codestone
/// not reviewed yet. Each review is its own code-review job acting as the person who asked; a codestone
/// with a review waiting gets no second one (the database holds at most one waiting review per codestone).
/// </summary>
public sealed class CodeReviewService(
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    CapabilityGuard capabilities,
    WorkflowLauncher launcher,
    AuditTrail trail,
    LiveUpdates updates,
    TimeProvider clock)
{
    /// <summary>The most reviews one request queues; every review spends one of the requester's AI actions when it runs.</summary>
    public const int MaxBatch = 50;

    /// <summary>A queued review whose job was never created (the app stopped in between) stops counting as waiting after this.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    /// <summary>Queues a review of one codestone; refused with <see cref="ReviewAlreadyWaitingException"/> while another one waits.</summary>
    public async Task<ReviewRequest> RequestAsync(long codestoneId, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.RunAiPrompts);
        await capabilities.DemandAsync(Capabilities.CodeReviews);
        var (queued, skipped) = await QueueAsync(user, [codestoneId], null, cancellationToken);
        return queued.SingleOrDefault() ?? throw skipped.Single() switch
        {
            { Waiting: { } waiting } => new ReviewAlreadyWaitingException(codestoneId, waiting),
            _ => new NotFoundException($"Codestone {codestoneId} does not exist."),
        };
    }

    /// <summary>Queues a review of each selected codestone (at most <see cref="MaxBatch"/>), as one batch with one progress view.</summary>
    public async Task<BatchRequest> RequestBatchAsync(IReadOnlyCollection<long> codestoneIds, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.RunAiPrompts);
        await capabilities.DemandAsync(Capabilities.CodeReviews);
        var ids = codestoneIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new DomainException("Select at least one codestone to review.");
        }

        var batch = Guid.NewGuid();
        var (queued, skipped) = await QueueAsync(user, ids.Take(MaxBatch).ToList(), batch, cancellationToken);
        return new BatchRequest(batch, queued, skipped.Select(s => s.ToSkipped()).ToList(), Math.Max(0, ids.Count - MaxBatch));
    }

    /// <summary>Queues a review of every codestone that has no finished review and none waiting (at most <see cref="MaxBatch"/>, oldest first).</summary>
    public async Task<BatchRequest> RequestUnreviewedAsync(CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.RunAiPrompts);
        await capabilities.DemandAsync(Capabilities.CodeReviews);
        List<long> ids;
        int total;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var unreviewed = db.Codestones.AsNoTracking().Where(c => !db.CodeReviews.Any(r => r.CodestoneId == c.Id && r.Status != CodeReviewStatus.Failed));
            total = await unreviewed.CountAsync(cancellationToken);
            ids = await unreviewed.OrderBy(c => c.Id).Select(c => c.Id).Take(MaxBatch).ToListAsync(cancellationToken);
        }

        if (ids.Count == 0)
        {
            throw new DomainException("Every codestone has a review already, or one waiting.");
        }

        var batch = Guid.NewGuid();
        var (queued, skipped) = await QueueAsync(user, ids, batch, cancellationToken);
        return new BatchRequest(batch, queued, skipped.Select(s => s.ToSkipped()).ToList(), total - ids.Count);
    }

    /// <summary>
    /// Writes the reviews as queued and commits, then creates their jobs (never inside the write, which the
    /// job's own run record would wait for). A review whose job could not be created fails at once with the reason.
    /// </summary>
    private async Task<(List<ReviewRequest> Queued, List<Skip> Skipped)> QueueAsync(ClaimsPrincipal user, IReadOnlyList<long> ids, Guid? batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new DomainException("Reviews are asked for by a signed-in person.");
        var reviews = new List<CodeReview>();
        var skipped = new List<Skip>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var existing = await db.Codestones.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
            var waiting = await StillWaitingAsync(db, ids, now, cancellationToken);
            foreach (var id in ids)
            {
                if (!existing.Contains(id))
                {
                    skipped.Add(new Skip(id, null, "no such codestone"));
                }
                else if (waiting.TryGetValue(id, out var reviewId))
                {
                    skipped.Add(new Skip(id, reviewId, $"review #{reviewId} is waiting"));
                }
                else
                {
                    reviews.Add(new CodeReview(id, userId, user.DisplayName(), batch, now));
                }
            }

            db.CodeReviews.AddRange(reviews);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                throw new DomainException("Someone asked for a review of the same codestone at the same moment; reload to see it.");
            }

            foreach (var review in reviews)
            {
                await trail.AppendAsync(db, new AuditEntry(CodeReviewAuditActions.Requested, $"codestone/{review.CodestoneId}", true,
                    Metadata: AuditTrail.Metadata(new { review = review.Id, batch })), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var queued = new List<ReviewRequest>();
        foreach (var review in reviews)
        {
            var (reviewId, codestoneId) = (review.Id, review.CodestoneId);
            try
            {
                var jobId = launcher.Enqueue<CodeReviewJob>(user, job => job.RunAsync(reviewId, codestoneId, null, CancellationToken.None));
                await db.CodeReviews.Where(r => r.Id == reviewId && r.JobId == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.JobId, jobId), cancellationToken);
                queued.Add(new ReviewRequest(reviewId, codestoneId, jobId));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                review.Fail($"The review could not be queued: {ex.Message}", null, clock.GetUtcNow());
                await db.SaveChangesAsync(CancellationToken.None);
                skipped.Add(new Skip(codestoneId, null, "its job could not be queued"));
            }

            updates.Publish(new CodeReviewChanged(reviewId, codestoneId, batch));
        }

        return (queued, skipped);
    }

    /// <summary>
    /// The waiting reviews of <paramref name="ids"/> by codestone, after failing the ones that no longer wait
    /// for anything: a job never created, or a run that ended without the job finishing the review (its
    /// requester was locked out before it started).
    /// </summary>
    private static async Task<Dictionary<long, long>> StillWaitingAsync(AvaDbContext db, IReadOnlyList<long> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = await db.CodeReviews.Where(r => ids.Contains(r.CodestoneId) && (r.Status == CodeReviewStatus.Queued || r.Status == CodeReviewStatus.Running))
            .ToListAsync(cancellationToken);
        var jobIds = waiting.Where(r => r.JobId is not null).Select(r => r.JobId!).ToList();
        var ended = await db.WorkflowRuns.AsNoTracking()
            .Where(w => jobIds.Contains(w.JobId) && (w.Status == WorkflowStatus.Failed || w.Status == WorkflowStatus.Succeeded))
            .ToDictionaryAsync(w => w.JobId, w => w.Error, cancellationToken);
        foreach (var review in waiting)
        {
            if (review.JobId is null && now - review.RequestedAt > AbandonedAfter)
            {
                review.Fail("Its job was never queued: the app stopped while the review was being asked for.", null, now);
            }
            else if (review.JobId is { } jobId && ended.TryGetValue(jobId, out var error))
            {
                review.Fail($"Its workflow run ended without a review: {error ?? "no error recorded"}", null, now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return waiting.Where(r => r.IsWaiting).ToDictionary(r => r.CodestoneId, r => r.Id);
    }

    private sealed record Skip(long CodestoneId, long? Waiting, string Reason)
    {
        public SkippedCodestone ToSkipped() => new(CodestoneId, Reason);
    }
}
