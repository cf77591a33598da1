using Ava.Domain.Codestones;

namespace Ava.Dashboard.Components.Shared.Labels;

/// <summary>How codestone review statuses and languages read on screen.</summary>
public static class CodestoneLabels
{
    public static string Of(ReviewStatus status) => status switch
    {
        ReviewStatus.Draft => "📝 Draft",
        ReviewStatus.Review => "👀 Review",
        ReviewStatus.Approved => "✅ Approved",
        ReviewStatus.Merged => "🚀 Merged",
        _ => status.ToString(),
    };

    public static string Of(CodeLanguage language) => language == CodeLanguage.CSharp ? "C#" : language.ToString();
}
