using System.Globalization;
using Ava.Domain.Codestones;
using MudBlazor;

namespace Ava.Dashboard.Components.Shared.Labels;

/// <summary>How code reviews read on screen: their state, and scores out of ten.</summary>
public static class CodeReviewLabels
{
    public static string Of(CodeReviewStatus status) => status switch
    {
        CodeReviewStatus.Queued => "Queued",
        CodeReviewStatus.Running => "Reviewing",
        CodeReviewStatus.Completed => "Completed",
        CodeReviewStatus.Failed => "Failed",
        _ => status.ToString(),
    };

    public static Color ColorOf(CodeReviewStatus status) => status switch
    {
        CodeReviewStatus.Completed => Color.Success,
        CodeReviewStatus.Failed => Color.Error,
        CodeReviewStatus.Running => Color.Info,
        _ => Color.Default,
    };

    /// <summary>"7/10", or "—" without a score.</summary>
    public static string Score(double? score) => score is { } value ? value.ToString("0.#", CultureInfo.InvariantCulture) + "/10" : "—";

    /// <summary>Red below 5, amber below 8, green from 8.</summary>
    public static Color ColorOf(double? score) => score switch
    {
        null => Color.Default,
        < 5 => Color.Error,
        < 8 => Color.Warning,
        _ => Color.Success,
    };

    public static string Ecl(double? ecl) => ecl?.ToString("0.00", CultureInfo.InvariantCulture) ?? "—";
}
