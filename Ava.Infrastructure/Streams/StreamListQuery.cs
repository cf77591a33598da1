using Ava.Domain.Streams;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Streams;

/// <summary>
/// The filters and sorts of the streams list. Every filter and sort has an index; what needs care on SQLite is a
/// tag or an ECL range, because its planner knows nothing of how many streams carry a tag. Left to itself it
/// drives such a filter from the tag or ECL index and then sorts every match: cheap for a rare tag, tens of
/// milliseconds for one that thousands of streams carry. So <see cref="StreamService.ListAsync"/> first counts
/// each tag's streams (up to <see cref="TagLeadLimit"/>): a rare tag leads, through the tag index; a common one
/// is probed for stream by stream (a lookup of the tag table's key) while the list is read in its sort's index
/// order, and reading stops at the page's last row. An ECL range that must not lead is written as
/// <c>EclScore + 0</c>, which no index can serve.
/// </summary>
internal static class StreamListQuery
{
    /// <summary>Up to this many matches are cheaper to find through the tag index and sort than to probe for.</summary>
    public const int TagLeadLimit = 2_000;

    /// <summary>
    /// The request's tags with how many streams carry each, up to <see cref="TagLeadLimit"/> + 1, rarest first; without
    /// <paramref name="count"/> (a database whose planner has statistics of its own) in the order asked, each as 0.
    /// </summary>
    public static async Task<IReadOnlyList<(string Tag, int Streams)>> TagCountsAsync(AvaDbContext db, StreamQuery query, bool count, CancellationToken cancellationToken)
    {
        var counts = new List<(string, int)>();
        foreach (var tag in StreamValues.NormalizeTags(query.Tags ?? []))
        {
            counts.Add((tag, count ? await db.StreamTags.Where(t => t.Tag == tag).Take(TagLeadLimit + 1).CountAsync(cancellationToken) : 0));
        }

        return counts.OrderBy(c => c.Item2).ToList();
    }

    /// <param name="leadingTag">The tag whose streams are selected through the tag index; every other tag is probed for stream by stream.</param>
    /// <param name="eclLeads">An ECL range may be read through the ECL index; otherwise it is only tested.</param>
    public static IQueryable<IntelligenceStream> Filter(AvaDbContext db, StreamQuery query, string? leadingTag, bool eclLeads)
    {
        var streams = db.Streams.AsNoTracking();
        if (query.Source is { } source)
        {
            streams = streams.Where(s => s.Source == source);
        }

        if (query.Status is { } status)
        {
            streams = streams.Where(s => s.Status == status);
        }

        if (query.Priority is { } priority)
        {
            streams = streams.Where(s => s.Priority == priority);
        }

        if (query.EclMin is { } min)
        {
            streams = eclLeads ? streams.Where(s => s.EclScore >= min) : streams.Where(s => s.EclScore + 0 >= min);
        }

        if (query.EclMax is { } max)
        {
            streams = eclLeads ? streams.Where(s => s.EclScore <= max) : streams.Where(s => s.EclScore + 0 <= max);
        }

        foreach (var tag in StreamValues.NormalizeTags(query.Tags ?? []))
        {
            if (tag == leadingTag)
            {
                var tagged = db.StreamTags.Where(t => t.Tag == tag).Select(t => t.StreamId);
                streams = streams.Where(s => tagged.Contains(s.Id));
            }
            else
            {
                streams = streams.Where(s => s.Tags.Any(t => t.Tag == tag));
            }
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            streams = streams.Where(s => s.Title.Contains(text) || s.Summary.Contains(text));
        }

        return streams;
    }

    public static IQueryable<IntelligenceStream> Sort(IQueryable<IntelligenceStream> streams, StreamQuery query) => query.SortBy switch
    {
        StreamSortField.UpdatedAt => streams.OrderByThenId(s => s.UpdatedAt, s => s.Id, query.Descending),
        StreamSortField.Title => streams.OrderByThenId(s => s.Title, s => s.Id, query.Descending),
        StreamSortField.EclScore => streams.OrderByThenId(s => s.EclScore, s => s.Id, query.Descending),
        StreamSortField.Priority => streams.OrderByThenId(s => s.Priority, s => s.Id, query.Descending),
        _ => streams.OrderByThenId(s => s.CreatedAt, s => s.Id, query.Descending),
    };
}
