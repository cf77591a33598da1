using Ava.Domain.Streams;
using MudBlazor;

namespace Ava.Dashboard.Components.Shared.Labels;

/// <summary>
/// How stream statuses and priorities read on screen: a word, and a Material icon that goes with it (shown with
/// <c>IconLabel</c> or a chip's icon). The icons replace the emoji the product used to show, which render as
/// empty boxes where no colour-emoji font is installed.
/// </summary>
public static class StreamLabels
{
    public static string Of(StreamStatus status) => status.ToString();

    public static string Of(StreamPriority priority) => priority.ToString();

    public static string IconOf(StreamStatus status) => status switch
    {
        StreamStatus.Raw => Icons.Material.Filled.Spa,
        StreamStatus.Refined => Icons.Material.Filled.Diamond,
        StreamStatus.Archived => Icons.Material.Filled.Inventory2,
        _ => Icons.Material.Filled.Circle,
    };

    /// <summary>Every icon a status or priority shows, for a page's <c>IconSprite</c>.</summary>
    public static IEnumerable<string> AllIcons =>
        Enum.GetValues<StreamStatus>().Select(IconOf)
            .Concat(Enum.GetValues<StreamPriority>().Select(IconOf).OfType<string>());

    /// <summary>Only the urgent priority carries an icon; the others read as plain words.</summary>
    public static string? IconOf(StreamPriority priority) => priority == StreamPriority.Now ? Icons.Material.Filled.LocalFireDepartment : null;
}
