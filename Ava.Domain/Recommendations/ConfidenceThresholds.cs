namespace Ava.Domain.Recommendations;

/// <summary>
/// Where the confidence bands start (specification §3): at or above <see cref="Ready"/> a recommendation is
/// ready; at or above <see cref="Review"/> it needs a confirmed review; below that it is escalated.
/// </summary>
public sealed record ConfidenceThresholds(double Ready, double Review)
{
    public static ConfidenceThresholds Default { get; } = new(0.7, 0.4);

    public ConfidenceBand Classify(double confidence) =>
        confidence >= Ready ? ConfidenceBand.Ready
        : confidence >= Review ? ConfidenceBand.NeedsReview
        : ConfidenceBand.Escalated;
}
