using Ava.Domain.Codestones;
using MudBlazor;

namespace Ava.Dashboard.Components.Shared.Labels;

/// <summary>How codestone review statuses and languages read on screen; each status has a Material icon to go with its word.</summary>
public static class CodestoneLabels
{
    public static string Of(ReviewStatus status) => status.ToString();

    public static string IconOf(ReviewStatus status) => status switch
    {
        ReviewStatus.Draft => Icons.Material.Filled.EditNote,
        ReviewStatus.Review => Icons.Material.Filled.Visibility,
        ReviewStatus.Approved => Icons.Material.Filled.CheckCircle,
        ReviewStatus.Merged => Icons.Material.Filled.RocketLaunch,
        _ => Icons.Material.Filled.Circle,
    };

    public static string Of(CodeLanguage language) => language == CodeLanguage.CSharp ? "C#" : language.ToString();
}
