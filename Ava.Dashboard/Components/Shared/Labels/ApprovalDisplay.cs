using System.Globalization;
using Ava.Domain.Recommendations;
using MudBlazor;

namespace Ava.Dashboard.Components.Shared.Labels;

/// <summary>How the approval pages show bands, statuses, links and times, in one place so the queue and the detail agree.</summary>
public static class ApprovalDisplay
{
    public static Color ColorOf(ConfidenceBand band) => band switch
    {
        ConfidenceBand.Ready => Color.Success,
        ConfidenceBand.NeedsReview => Color.Warning,
        _ => Color.Error,
    };

    public static Color ColorOf(RecommendationStatus status) => status switch
    {
        RecommendationStatus.Pending => Color.Info,
        RecommendationStatus.Applied => Color.Success,
        RecommendationStatus.Escalated => Color.Warning,
        RecommendationStatus.Failed => Color.Error,
        _ => Color.Default,
    };

    /// <summary>The confidence and its band as one label: "0.82 Ready".</summary>
    public static string ConfidenceText(double confidence, ConfidenceBand band) =>
        $"{confidence.ToString("0.00", CultureInfo.InvariantCulture)} {RecommendationLabels.Of(band)}";

    public static string ChangeSetHref(long id) => $"/changesets/{id}";

    public static string TicketHref(long id) => $"/tickets/{id}";

    /// <summary>The exact time for a tooltip or a caption: "2026-11-20 09:30:00 UTC".</summary>
    public static string Exact(DateTimeOffset at) => DisplayTime.Seconds(at);

    /// <summary>How long ago <paramref name="at"/> was, coarsely: "just now", "12 min ago", "3 h ago", "5 d ago", then the date.</summary>
    public static string Age(DateTimeOffset at, DateTimeOffset now) => DisplayTime.Age(at, now);
}
