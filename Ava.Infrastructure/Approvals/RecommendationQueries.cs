using Ava.Domain.Recommendations;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Approvals;

/// <summary>
/// Reading recommendations: the queue with its counts per band, one recommendation with the preview of
/// what approving it would change, the pending count for the navigation, and the sources for the filter.
/// The queue is for run_ai_prompts or approvers (specification §9b); the pending count for approvers.
/// </summary>
public sealed class RecommendationQueries(IDbContextFactory<AvaDbContext> contexts, PermissionGuard guard, RecommendationPreviews previews)
{
    public async Task<RecommendationPage> ListAsync(RecommendationQuery query, PageRequest page, CancellationToken cancellationToken = default)
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
        var items = await recommendations
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Page(page)
            .Select(r => new RecommendationRow(r.Id, r.TargetType, r.TargetSummary, r.ChangeSummary, r.Confidence, r.Band, r.Source, r.CreatedAt, r.Status, r.DecidedBy))
            .ToListAsync(cancellationToken);
        return new RecommendationPage(new Paged<RecommendationRow>(items, total, page), await CountBandsAsync(db, cancellationToken));
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

    /// <summary>The recommendation and its decision; while it is pending, also what approving it would change now.</summary>
    public async Task<RecommendationDetail?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandApprovalsViewerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var r = await db.Recommendations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (r is null)
        {
            return null;
        }

        var preview = r.Status == RecommendationStatus.Pending ? await previews.PreviewAsync(db, r, cancellationToken) : [];
        var ticketNumber = r.TicketId is { } ticketId
            ? await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Number).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new RecommendationDetail(
            r.Id, r.TargetType, r.TargetSummary, r.Rationale, r.Confidence, r.Band, r.Source, r.SubmittedBy, r.CreatedAt, r.Status,
            r.DecidedBy, r.DecidedAt, r.DecisionReason, r.ChangeSetId, r.TicketId, ticketNumber, r.Changes, preview, r.Version);
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
}
