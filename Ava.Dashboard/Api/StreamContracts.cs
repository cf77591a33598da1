using System.ComponentModel;
using Ava.Domain.Streams;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Streams;
using Microsoft.AspNetCore.Mvc;

namespace Ava.Dashboard.Api;

/// <summary>An intelligence stream as the API returns it. Send <see cref="Version"/> back with a change.</summary>
public sealed record StreamResource(
    long Id,
    string Title,
    StreamSource Source,
    StreamStatus Status,
    StreamPriority Priority,
    [property: Description("Markdown.")] string Summary,
    [property: Description("0.0 to 1.0, or null.")] double? EclScore,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    DateTimeOffset? ArchivedAt,
    [property: Description("The concurrency token: a PUT must carry the version it read.")] Guid Version)
{
    internal static StreamResource From(StreamDetail s) => new(
        s.Id, s.Values.Title, s.Values.Source, s.Values.Status, s.Values.Priority, s.Values.Summary, s.Values.EclScore,
        s.Values.Tags, s.CreatedAt, s.CreatedBy, s.UpdatedAt, s.UpdatedBy, s.ArchivedAt, s.Version);
}

public sealed record StreamListItem(
    long Id,
    string Title,
    StreamSource Source,
    StreamStatus Status,
    StreamPriority Priority,
    double? EclScore,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <param name="TotalCount">Matches of a filtered list are counted up to 1,000; <see cref="TotalIsCapped"/> says there are more.</param>
public sealed record StreamList(IReadOnlyList<StreamListItem> Items, int Page, int PageSize, int TotalCount, bool TotalIsCapped);

/// <summary>A new stream. <c>title</c> and <c>source</c> are required; status defaults to Raw, priority to Normal.</summary>
public sealed record StreamCreateRequest(
    [property: Description("5 to 200 characters.")] string? Title,
    StreamSource? Source,
    StreamStatus? Status = null,
    StreamPriority? Priority = null,
    [property: Description("Markdown, at most 20,000 characters.")] string? Summary = null,
    [property: Description("0.0 to 1.0, or null.")] double? EclScore = null,
    [property: Description("At most 12 single-word tags.")] IReadOnlyList<string>? Tags = null)
{
    internal StreamValues ToValues()
    {
        var values = new ApiValues();
        var source = values.Required(Source, "source");
        values.ThrowIfInvalid();
        return new StreamValues(Title ?? "", source, Status ?? StreamStatus.Raw, Priority ?? StreamPriority.Normal, Summary ?? "", EclScore, Tags ?? []);
    }
}

/// <summary>
/// New values for a stream: every value is replaced (send what GET returned, changed), together with
/// the <c>version</c> it returned. A stale version is answered 409 with the current values.
/// </summary>
public sealed record StreamUpdateRequest(
    Guid? Version,
    string? Title,
    StreamSource? Source,
    StreamStatus? Status,
    StreamPriority? Priority,
    string? Summary,
    IReadOnlyList<string>? Tags,
    [property: Description("0.0 to 1.0; null or absent for none.")] double? EclScore = null)
{
    internal (StreamValues Values, Guid Version) ToChange()
    {
        var values = new ApiValues();
        var version = values.Required(Version, "version");
        var source = values.Required(Source, "source");
        var status = values.Required(Status, "status");
        var priority = values.Required(Priority, "priority");
        var summary = values.RequiredText(Summary, "summary");
        values.Check(Tags is not null, "tags", "'tags' is required (an empty array for none).");
        values.ThrowIfInvalid();
        return (new StreamValues(Title ?? "", source, status, priority, summary, EclScore, Tags ?? []), version);
    }
}

/// <summary>The streams list's query string.</summary>
public sealed record StreamListParameters(
    [property: FromQuery(Name = "page"), Description("Zero-based page number (default 0).")] int? Page,
    [property: FromQuery(Name = "pageSize"), Description("Rows per page, 1 to 200 (default 25).")] int? PageSize,
    [property: FromQuery(Name = "text"), Description("Words to find in the title or summary.")] string? Text,
    [property: FromQuery(Name = "source"), Description("Claude, ChatGPT, GitHub, Manual or Automated.")] string? Source,
    [property: FromQuery(Name = "status"), Description("Raw, Refined or Archived.")] string? Status,
    [property: FromQuery(Name = "priority"), Description("Now, High, Normal or Low.")] string? Priority,
    [property: FromQuery(Name = "eclMin"), Description("Lowest ECL score, 0.0 to 1.0.")] double? EclMin,
    [property: FromQuery(Name = "eclMax"), Description("Highest ECL score, 0.0 to 1.0.")] double? EclMax,
    [property: FromQuery(Name = "tag"), Description("Streams carrying every given tag; repeat for several.")] string[]? Tag,
    [property: FromQuery(Name = "sortBy"), Description("CreatedAt (default), UpdatedAt, Title, Priority or EclScore.")] string? SortBy,
    [property: FromQuery(Name = "descending"), Description("Newest (largest) first; default true.")] bool? Descending)
{
    internal StreamQuery ToQuery()
    {
        var values = new ApiValues();
        var query = new StreamQuery(
            Text: Text,
            Source: values.Enum<StreamSource>(Source, "source"),
            Status: values.Enum<StreamStatus>(Status, "status"),
            Priority: values.Enum<StreamPriority>(Priority, "priority"),
            EclMin: EclMin,
            EclMax: EclMax,
            Tags: Tag,
            SortBy: values.Enum<StreamSortField>(SortBy, "sortBy") ?? StreamSortField.CreatedAt,
            Descending: Descending ?? true,
            Page: Page ?? 0,
            PageSize: PageSize ?? 25);
        ApiPaging.Check(values, query.Page, query.PageSize, PageRequest.MaxSize);
        values.ThrowIfInvalid();
        return query;
    }
}

internal static class ApiPaging
{
    public static void Check(ApiValues values, int page, int pageSize, int maxPageSize)
    {
        values.Check(page >= 0, "page", "'page' must be 0 or more.");
        values.Check(page <= int.MaxValue / maxPageSize, "page", $"'page' must be at most {int.MaxValue / maxPageSize:N0}.");
        values.Check(pageSize >= 1 && pageSize <= maxPageSize, "pageSize", $"'pageSize' must be from 1 to {maxPageSize}.");
    }
}
