using System.ComponentModel;
using Ava.Domain.Codestones;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Codestones;
using Microsoft.AspNetCore.Mvc;

namespace Ava.Dashboard.Api;

/// <summary>A codestone as the API returns it. Send <see cref="Version"/> back with a change.</summary>
public sealed record CodestoneResource(
    long Id,
    string Title,
    CodeLanguage Language,
    string Code,
    string? GitHubUrl,
    ReviewStatus ReviewStatus,
    double? EclScore,
    string Author,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    [property: Description("The concurrency token: a PUT must carry the version it read.")] Guid Version)
{
    internal static CodestoneResource From(CodestoneDetail c) => new(
        c.Id, c.Values.Title, c.Values.Language, c.Values.Code, c.Values.GitHubUrl, c.Values.ReviewStatus, c.Values.EclScore,
        c.Author, c.CreatedAt, c.UpdatedAt, c.UpdatedBy, c.Version);
}

public sealed record CodestoneListItem(
    long Id,
    string Title,
    CodeLanguage Language,
    ReviewStatus ReviewStatus,
    double? EclScore,
    string Author,
    DateTimeOffset UpdatedAt);

public sealed record CodestoneList(IReadOnlyList<CodestoneListItem> Items, int Page, int PageSize, int TotalCount);

/// <summary>A new codestone. <c>title</c>, <c>language</c> and <c>code</c> are required; the review status defaults to Draft.</summary>
public sealed record CodestoneCreateRequest(
    [property: Description("5 to 200 characters.")] string? Title,
    CodeLanguage? Language,
    [property: Description("At most 200,000 characters.")] string? Code,
    [property: Description("https://github.com/{owner}/{repo}, optionally with a path; or null.")] string? GitHubUrl = null,
    ReviewStatus? ReviewStatus = null,
    [property: Description("0.0 to 1.0, or null.")] double? EclScore = null)
{
    internal CodestoneValues ToValues()
    {
        var values = new ApiValues();
        var language = values.Required(Language, "language");
        values.ThrowIfInvalid();
        return new CodestoneValues(Title ?? "", language, Code ?? "", GitHubUrl, ReviewStatus ?? Domain.Codestones.ReviewStatus.Draft, EclScore);
    }
}

/// <summary>
/// New values for a codestone: every value is replaced (send what GET returned, changed), together
/// with the <c>version</c> it returned. A stale version is answered 409 with the current values.
/// </summary>
public sealed record CodestoneUpdateRequest(
    Guid? Version,
    string? Title,
    CodeLanguage? Language,
    string? Code,
    ReviewStatus? ReviewStatus,
    [property: Description("null or absent for none.")] string? GitHubUrl = null,
    [property: Description("0.0 to 1.0; null or absent for none.")] double? EclScore = null)
{
    internal (CodestoneValues Values, Guid Version) ToChange()
    {
        var values = new ApiValues();
        var version = values.Required(Version, "version");
        var language = values.Required(Language, "language");
        var reviewStatus = values.Required(ReviewStatus, "reviewStatus");
        values.ThrowIfInvalid();
        return (new CodestoneValues(Title ?? "", language, Code ?? "", GitHubUrl, reviewStatus, EclScore), version);
    }
}

/// <summary>The codestones list's query string.</summary>
public sealed record CodestoneListParameters(
    [property: FromQuery(Name = "page"), Description("Zero-based page number (default 0).")] int? Page,
    [property: FromQuery(Name = "pageSize"), Description("Rows per page, 1 to 200 (default 25).")] int? PageSize,
    [property: FromQuery(Name = "text"), Description("Words to find in the title or code.")] string? Text,
    [property: FromQuery(Name = "language"), Description("Python, JavaScript, TypeScript, CSharp, Rust, Go, Java or Other.")] string? Language,
    [property: FromQuery(Name = "reviewStatus"), Description("Draft, Review, Approved or Merged.")] string? ReviewStatus,
    [property: FromQuery(Name = "eclMin"), Description("Lowest ECL score, 0.0 to 1.0.")] double? EclMin,
    [property: FromQuery(Name = "eclMax"), Description("Highest ECL score, 0.0 to 1.0.")] double? EclMax,
    [property: FromQuery(Name = "sortBy"), Description("UpdatedAt (default), CreatedAt, Title or EclScore.")] string? SortBy,
    [property: FromQuery(Name = "descending"), Description("Newest (largest) first; default true.")] bool? Descending)
{
    internal CodestoneQuery ToQuery()
    {
        var values = new ApiValues();
        var query = new CodestoneQuery(
            Text: Text,
            Language: values.Enum<CodeLanguage>(Language, "language"),
            ReviewStatus: values.Enum<ReviewStatus>(ReviewStatus, "reviewStatus"),
            EclMin: EclMin,
            EclMax: EclMax,
            SortBy: values.Enum<CodestoneSortField>(SortBy, "sortBy") ?? CodestoneSortField.UpdatedAt,
            Descending: Descending ?? true,
            Page: Page ?? 0,
            PageSize: PageSize ?? 25);
        ApiPaging.Check(values, query.Page, query.PageSize, PageRequest.MaxSize);
        values.ThrowIfInvalid();
        return query;
    }
}
