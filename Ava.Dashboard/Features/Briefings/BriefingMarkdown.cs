using System.Text.RegularExpressions;

namespace Ava.Dashboard.Features.Briefings;

/// <summary>The briefing's text as the reader renders it: each cited source becomes a link to its stream.</summary>
public static partial class BriefingMarkdown
{
    /// <summary>Turns "[stream:42]" into a link to /streams/42 for the streams the briefing drew on; other brackets stay text.</summary>
    public static string LinkSources(string markdown, IReadOnlyCollection<long> streamIds) =>
        StreamReference().Replace(markdown, match =>
            long.TryParse(match.Groups[1].Value, out var id) && streamIds.Contains(id) ? $"[stream:{id}](/streams/{id})" : match.Value);

    /// <summary>The text under "## Executive Summary", or null when the briefing has no such section.</summary>
    public static string? ExecutiveSummary(string markdown)
    {
        var match = SummarySection().Match(markdown);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex(@"\[stream:(\d{1,18})\](?!\()")]
    private static partial Regex StreamReference();

    [GeneratedRegex(@"^##[ \t]+Executive Summary[ \t]*\n([\s\S]*?)(?=^##[ \t]|\z)", RegexOptions.Multiline)]
    private static partial Regex SummarySection();
}
