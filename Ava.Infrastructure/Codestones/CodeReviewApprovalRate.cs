using Ava.Domain.Recommendations;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Prompts;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Codestones;

/// <summary>
/// The "approval rate" of a code_review version: of the recommendations its reviews submitted that a person
/// decided in the period, the share approved (applied, or applied and later rolled back, or approved but
/// failed to apply). Automatic escalations below the review threshold are no one's decision and are left out.
/// </summary>
internal sealed class CodeReviewApprovalRate : IPromptOutcomeSource
{
    private static readonly RecommendationStatus[] Approved = [RecommendationStatus.Applied, RecommendationStatus.RolledBack, RecommendationStatus.Failed];

    public async Task<IReadOnlyDictionary<long, VersionOutcomes>> ReadAsync(
        AvaDbContext db, IReadOnlyCollection<long> versionIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var decided = await db.CodeReviews.AsNoTracking()
            .Where(r => r.TemplateVersionId != null && versionIds.Contains(r.TemplateVersionId.Value))
            .Join(db.Recommendations.AsNoTracking(), r => r.RecommendationId, d => (long?)d.Id, (r, d) => new { VersionId = r.TemplateVersionId!.Value, d.Status, d.DecidedAt, d.DecidedBy })
            .Where(d => d.Status != RecommendationStatus.Pending && d.DecidedAt >= from && d.DecidedAt < to && d.DecidedBy != RecommendationIntake.SystemActor)
            .Select(d => new { d.VersionId, d.Status })
            .ToListAsync(cancellationToken);
        return decided.GroupBy(d => d.VersionId).ToDictionary(
            g => g.Key,
            g => new VersionOutcomes(null, 0, Math.Round(g.Count(d => Approved.Contains(d.Status)) / (double)g.Count(), 4), g.Count()));
    }
}
