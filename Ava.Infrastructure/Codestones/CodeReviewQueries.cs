using Ava.Domain.Codestones;
using Ava.Domain.Security;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Codestones;

/// <summary>
/// Reading code reviews: a codestone's, newest first, and a batch's progress (view_codestones); the review
/// behind a recommendation, for the approval page (run_ai_prompts or approvers). A waiting review whose
/// workflow run already ended without it is shown as failed, with the run's error.
/// </summary>
public sealed class CodeReviewQueries(IDbContextFactory<AvaDbContext> contexts, PermissionGuard guard)
{
    public const int MaxPerCodestone = 50;

    public async Task<IReadOnlyList<CodeReviewDetail>> ListForCodestoneAsync(long codestoneId, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewCodestones);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reviews = await db.CodeReviews.AsNoTracking().Where(r => r.CodestoneId == codestoneId)
            .OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).Take(MaxPerCodestone).ToListAsync(cancellationToken);
        var title = await db.Codestones.AsNoTracking().Where(c => c.Id == codestoneId).Select(c => c.Title).SingleOrDefaultAsync(cancellationToken);
        return await DetailsAsync(db, reviews, _ => title, cancellationToken);
    }

    public async Task<CodeReviewDetail?> GetAsync(long reviewId, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewCodestones);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SingleAsync(db, db.CodeReviews.Where(r => r.Id == reviewId), cancellationToken);
    }

    /// <summary>The review that submitted <paramref name="recommendationId"/>, or null for a recommendation from elsewhere.</summary>
    public async Task<CodeReviewDetail?> ForRecommendationAsync(long recommendationId, CancellationToken cancellationToken = default)
    {
        await guard.DemandApprovalsViewerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SingleAsync(db, db.CodeReviews.Where(r => r.RecommendationId == recommendationId), cancellationToken);
    }

    public async Task<BatchProgress?> BatchAsync(Guid batchId, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewCodestones);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reviews = await db.CodeReviews.AsNoTracking().Where(r => r.BatchId == batchId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        if (reviews.Count == 0)
        {
            return null;
        }

        var ids = reviews.Select(r => r.CodestoneId).ToList();
        var titles = await db.Codestones.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);
        var details = await DetailsAsync(db, reviews, id => titles.GetValueOrDefault(id), cancellationToken);
        return new BatchProgress(batchId, details.Select(d => new BatchItem(d.Id, d.CodestoneId, d.CodestoneTitle ?? $"Codestone {d.CodestoneId} (deleted)", d.Status, d.EclScore, d.RecommendationId, d.Error)).ToList());
    }

    private static async Task<CodeReviewDetail?> SingleAsync(AvaDbContext db, IQueryable<CodeReview> query, CancellationToken cancellationToken)
    {
        var review = await query.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (review is null)
        {
            return null;
        }

        var title = await db.Codestones.AsNoTracking().Where(c => c.Id == review.CodestoneId).Select(c => c.Title).SingleOrDefaultAsync(cancellationToken);
        return (await DetailsAsync(db, [review], _ => title, cancellationToken)).Single();
    }

    private static async Task<IReadOnlyList<CodeReviewDetail>> DetailsAsync(AvaDbContext db, IReadOnlyList<CodeReview> reviews, Func<long, string?> titleOf, CancellationToken cancellationToken)
    {
        var jobIds = reviews.Where(r => r.IsWaiting && r.JobId is not null).Select(r => r.JobId!).ToList();
        var ended = jobIds.Count == 0
            ? []
            : await db.WorkflowRuns.AsNoTracking()
                .Where(w => jobIds.Contains(w.JobId) && (w.Status == WorkflowStatus.Failed || w.Status == WorkflowStatus.Succeeded))
                .ToDictionaryAsync(w => w.JobId, w => w.Error, cancellationToken);
        return reviews.Select(r =>
        {
            var detail = CodeReviewDetail.From(r, titleOf(r.CodestoneId));
            return r.IsWaiting && r.JobId is { } jobId && ended.TryGetValue(jobId, out var error)
                ? detail with { Status = CodeReviewStatus.Failed, Error = $"Its workflow run ended without a review: {error ?? "no error recorded"}" }
                : detail;
        }).ToList();
    }
}
