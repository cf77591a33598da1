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
