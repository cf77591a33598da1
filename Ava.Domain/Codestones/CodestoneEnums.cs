namespace Ava.Domain.Codestones;

public enum CodeLanguage
{
    Python = 0,
    JavaScript = 1,
    TypeScript = 2,
    CSharp = 3,
    Rust = 4,
    Go = 5,
    Java = 6,
    Other = 7,
}

public enum ReviewStatus
{
    Draft = 0,
    Review = 1,
    Approved = 2,
    Merged = 3,
}

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
