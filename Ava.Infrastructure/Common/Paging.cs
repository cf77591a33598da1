namespace Ava.Infrastructure.Common;

/// <summary>
/// Which page of a list a caller wants. The constructor clamps both numbers, so a service never
/// runs an unbounded query or overflows the offset whatever a page, an API call or a job asks for.
/// </summary>
public readonly record struct PageRequest
{
    public const int DefaultSize = 25;
    public const int MaxSize = 200;

    /// <summary>The last page number any list serves: the offset stays within an <see cref="int"/>.</summary>
    public const int MaxPage = int.MaxValue / MaxSize;

    public PageRequest(int page, int size = DefaultSize)
    {
        Page = Math.Clamp(page, 0, MaxPage);
        Size = Math.Clamp(size, 1, MaxSize);
    }

    /// <summary>The zero-based page number.</summary>
    public int Page { get; }

    public int Size { get; }

    public int Skip => Page * Size;

    public static PageRequest First { get; } = new(0);
}

/// <summary>One page of a list and how many items the whole list holds.</summary>
/// <param name="Total">The number of matches; when the service caps its count, at most <paramref name="CountLimit"/> + 1.</param>
/// <param name="CountLimit">Where the service stopped counting, or null when <paramref name="Total"/> is exact.</param>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, PageRequest Request, int? CountLimit = null)
{
    /// <summary>The list holds more than <see cref="CountLimit"/> items; the pager says "more than".</summary>
    public bool IsTotalCapped => CountLimit is { } limit && Total > limit;

    public static Paged<T> Empty(PageRequest request) => new([], 0, request);
}

public static class PagingExtensions
{
    /// <summary>The requested page of an ordered query.</summary>
    public static IQueryable<T> Page<T>(this IQueryable<T> ordered, PageRequest request) =>
        ordered.Skip(request.Skip).Take(request.Size);

    /// <summary>The requested page of an ordered sequence held in memory.</summary>
    public static IEnumerable<T> Page<T>(this IEnumerable<T> ordered, PageRequest request) =>
        ordered.Skip(request.Skip).Take(request.Size);
}
