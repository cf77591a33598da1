using Ava.Domain.Codestones;

namespace Ava.Infrastructure.Codestones;

public enum CodestoneSortField
{
    UpdatedAt,
    CreatedAt,
    Title,
    EclScore,
}

public sealed record CodestoneQuery(
    string? Text = null,
    CodeLanguage? Language = null,
    ReviewStatus? ReviewStatus = null,
    double? EclMin = null,
    double? EclMax = null,
    CodestoneSortField SortBy = CodestoneSortField.UpdatedAt,
    bool Descending = true,
    int Page = 0,
    int PageSize = 25);

public sealed record CodestoneRow(
    long Id,
    string Title,
    CodeLanguage Language,
    ReviewStatus ReviewStatus,
    double? EclScore,
    string Author,
    DateTimeOffset UpdatedAt);


public sealed record CodestoneDetail(
    long Id,
    CodestoneValues Values,
    string Author,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    Guid Version);
