using Ava.Domain.Common;

namespace Ava.Domain.Briefings;

/// <summary>
/// One reader's rating of a date's briefing: 1 to 5 stars and an optional comment. A reader has one
/// rating per date and may change it; the rating belongs to the revision (and so the template version)
/// the reader rated last, which is what the version's satisfaction is computed from.
/// </summary>
public sealed class BriefingRating : IVersioned
{
    public const int MinStars = 1;
    public const int MaxStars = 5;
    public const int CommentMaxLength = 1_000;

    private BriefingRating()
    {
    }

    public BriefingRating(MorningBriefing briefing, string userId, string userName, int stars, string? comment, DateTimeOffset at)
    {
        Date = briefing.Date;
        UserId = userId;
        UserName = userName;
        Rate(briefing, stars, comment, at);
    }

    public long Id { get; private set; }

    public DateOnly Date { get; private set; }

    public string UserId { get; private set; } = "";

    public string UserName { get; private set; } = "";

    public int Stars { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>The revision the reader rated.</summary>
    public long BriefingId { get; private set; }

    /// <summary>The template version of that revision: satisfaction is per version.</summary>
    public long TemplateVersionId { get; private set; }

    public DateTimeOffset RatedAt { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void NewVersion() => Version = Guid.NewGuid();

    /// <summary>Sets the stars and comment, for the revision the reader sees now.</summary>
    public void Rate(MorningBriefing briefing, int stars, string? comment, DateTimeOffset at)
    {
        if (briefing.Date != Date)
        {
            throw new DomainException($"This rating is for the briefing of {Date:yyyy-MM-dd}, not {briefing.Date:yyyy-MM-dd}.");
        }

        if (stars is < MinStars or > MaxStars)
        {
            throw new DomainException($"A rating is {MinStars} to {MaxStars} stars.");
        }

        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text is { Length: > CommentMaxLength })
        {
            throw new DomainException($"A comment is at most {CommentMaxLength:N0} characters.");
        }

        Stars = stars;
        Comment = text;
        BriefingId = briefing.Id;
        TemplateVersionId = briefing.TemplateVersionId;
        RatedAt = at;
    }
}
