using Ava.Domain.Streams;
using Ava.Infrastructure.Common;

namespace Ava.Infrastructure.Streams;

public enum StreamSortField
{
    CreatedAt,
    UpdatedAt,
    Title,
    Priority,
    EclScore,
}

/// <summary>What the streams list asks for: filters, one sort, one page.</summary>
public sealed record StreamQuery(
    string? Text = null,
    StreamSource? Source = null,
    StreamStatus? Status = null,
    StreamPriority? Priority = null,
    double? EclMin = null,
    double? EclMax = null,
    IReadOnlyList<string>? Tags = null,
    StreamSortField SortBy = StreamSortField.CreatedAt,
    bool Descending = true,
    int Page = 0,
    int PageSize = 25)
{
    public PageRequest Paging => new(Page, PageSize);

    public bool HasFilters =>
        !string.IsNullOrWhiteSpace(Text) || Source is not null || Status is not null || Priority is not null
        || EclMin is not null || EclMax is not null || Tags is { Count: > 0 };
}

public sealed record StreamRow(
    long Id,
    string Title,
    StreamSource Source,
    StreamStatus Status,
    StreamPriority Priority,
    double? EclScore,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);


public sealed record StreamDetail(
    long Id,
    StreamValues Values,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    DateTimeOffset? ArchivedAt,
    Guid Version);

/// <summary>One batch of an archive run: how many streams it archived and the last id it saw (null when none were left).</summary>
public sealed record StreamArchiveBatch(int Archived, long? LastId);
