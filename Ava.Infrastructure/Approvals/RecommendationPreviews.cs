using Ava.Domain.Recommendations;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Persistence;

namespace Ava.Infrastructure.Approvals;

/// <summary>
/// What approving a recommendation would change now, entity by entity, read from each target's
/// current state: shown on the approval page before anyone approves, and written into escalation tickets.
/// </summary>
public sealed class RecommendationPreviews(ChangeTargets targets)
{
    public async Task<IReadOnlyList<ChangePreview>> PreviewAsync(AvaDbContext db, AiRecommendation recommendation, CancellationToken cancellationToken)
    {
        var previews = new List<ChangePreview>();
        foreach (var change in recommendation.Changes)
        {
            var (fields, problems, state) = await targets.For(change.TargetType).PreviewAsync(db, change, cancellationToken);
            string? changedSince = null;
            var title = change.TargetTitle ?? change.Describe(targets.NounOf(change.TargetType));
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
}
