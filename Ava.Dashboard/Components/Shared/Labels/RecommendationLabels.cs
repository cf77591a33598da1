using Ava.Domain.Recommendations;

namespace Ava.Dashboard.Components.Shared.Labels;

/// <summary>How recommendation bands and statuses read on screen.</summary>
public static class RecommendationLabels
{
    public static string Of(ConfidenceBand band) => band switch
    {
        ConfidenceBand.Ready => "Ready",
        ConfidenceBand.NeedsReview => "Needs review",
        ConfidenceBand.Escalated => "Escalated",
        _ => band.ToString(),
    };

    public static string Of(RecommendationStatus status) => status == RecommendationStatus.RolledBack ? "Rolled back" : status.ToString();
}
