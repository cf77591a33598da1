using Ava.Domain.Common;

namespace Ava.Domain.Codestones;

/// <summary>A code snippet worth keeping, with its review state and confidence.</summary>
public sealed class Codestone : IVersioned, IEntity
{
    public const int TitleMinLength = 5;
    public const int TitleMaxLength = 200;
    public const int CodeMaxLength = 200_000;
    public const int GitHubUrlMaxLength = 500;

    private Codestone()
    {
    }

    public Codestone(CodestoneValues values, string author, DateTimeOffset at)
    {
        Apply(values);
        Author = author;
        CreatedAt = at;
        UpdatedAt = at;
        UpdatedBy = author;
    }

    /// <summary>Brings back a deleted codestone exactly as it was, under its old id (a rolled-back delete).</summary>
    public static Codestone Restore(long id, CodestoneValues values, string author, DateTimeOffset createdAt, DateTimeOffset updatedAt, string updatedBy)
    {
        var codestone = new Codestone { Id = id, Author = author, CreatedAt = createdAt, UpdatedAt = updatedAt, UpdatedBy = updatedBy };
        codestone.Apply(values);
        return codestone;
    }

    public long Id { get; private set; }

    public string Title { get; private set; } = "";

    public CodeLanguage Language { get; private set; }

    public string Code { get; private set; } = "";

    public string? GitHubUrl { get; private set; }

    public ReviewStatus ReviewStatus { get; private set; }

    public double? EclScore { get; private set; }

    public string Author { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void NewVersion() => Version = Guid.NewGuid();

    public CodestoneValues Values => new(Title, Language, Code, GitHubUrl, ReviewStatus, EclScore);

    public IReadOnlyList<string> Update(CodestoneValues values, string by, DateTimeOffset at)
    {
        var changed = Values.ChangedFields(values);
        if (changed.Count > 0)
        {
            Apply(values);
            UpdatedAt = at;
            UpdatedBy = by;
        }

        return changed;
    }

    private void Apply(CodestoneValues values)
    {
        Title = values.Title.Trim();
        Language = values.Language;
        Code = values.Code;
        GitHubUrl = string.IsNullOrWhiteSpace(values.GitHubUrl) ? null : values.GitHubUrl.Trim();
        ReviewStatus = values.ReviewStatus;
        EclScore = values.EclScore;
    }
}

/// <summary>The editable values of a codestone.</summary>
public sealed record CodestoneValues(
    string Title,
    CodeLanguage Language,
    string Code,
    string? GitHubUrl,
    ReviewStatus ReviewStatus,
    double? EclScore)
{
    public static CodestoneValues Empty => new("", CodeLanguage.Python, "", null, ReviewStatus.Draft, null);

    public IReadOnlyList<string> ChangedFields(CodestoneValues other)
    {
        var changed = new List<string>();
        if (Title != other.Title.Trim()) changed.Add(nameof(Title));
        if (Language != other.Language) changed.Add(nameof(Language));
        if (Code != other.Code) changed.Add(nameof(Code));
        if ((GitHubUrl ?? "") != (other.GitHubUrl?.Trim() ?? "")) changed.Add(nameof(GitHubUrl));
        if (ReviewStatus != other.ReviewStatus) changed.Add(nameof(ReviewStatus));
        if (EclScore != other.EclScore) changed.Add(nameof(EclScore));
        return changed;
    }
}
