using Ava.Domain.Codestones;

namespace Ava.Dashboard.Features.Codestones;

/// <summary>The edit form's bindable copy of <see cref="CodestoneValues"/>.</summary>
public sealed class CodestoneForm
{
    public string Title { get; set; } = "";

    public CodeLanguage Language { get; set; } = CodeLanguage.Python;

    public string Code { get; set; } = "";

    public string? GitHubUrl { get; set; }

    public ReviewStatus ReviewStatus { get; set; } = ReviewStatus.Draft;

    public double? EclScore { get; set; }

    public static CodestoneForm From(CodestoneValues values) => new()
    {
        Title = values.Title,
        Language = values.Language,
        Code = values.Code,
        GitHubUrl = values.GitHubUrl,
        ReviewStatus = values.ReviewStatus,
        EclScore = values.EclScore,
    };

    public CodestoneValues ToValues() => new(Title, Language, Code ?? "", GitHubUrl, ReviewStatus, EclScore);
}
