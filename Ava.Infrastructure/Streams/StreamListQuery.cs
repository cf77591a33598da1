using Ava.Domain.Streams;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Streams;

/// <summary>
/// The filters and sorts of the streams list. Every filter and sort has an index; what needs care on SQLite is a
/// tag or an ECL range, because its planner knows nothing of how many streams carry a tag. Left to itself it
/// drives such a filter from the tag or ECL index and then sorts every match: cheap for a few hundred matches,
/// tens of milliseconds for thousands. So <see cref="StreamService.ListAsync"/> first counts the streams that carry
/// every tag asked for (up to <see cref="LeadLimit"/>, read from the tag index alone, several tags intersected
/// there): when there are that few, they lead and are sorted; when there are more, the list is read in its sort's
/// index order and each stream is tested against that set, read once into memory, and reading stops at the page's
/// last row. A test against the set costs a fraction of a lookup in the tag table, so a list whose matches lie far
/// down its sort order stays cheap. An ECL range that must not lead is written as <c>EclScore + 0</c>, and a tag
/// set that must not lead as <c>Id + 0</c>: no index can serve either.
/// </summary>
internal static class StreamListQuery
{
    /// <summary>Up to this many matches are cheaper to find through the tag index and sort than to read in order.</summary>
    public const int LeadLimit = 5_000;

    /// <summary>The ids of the streams that carry every tag asked for, and how many there are, up to <see cref="LeadLimit"/> + 1.</summary>
    public sealed record TagSet(IQueryable<long> Ids, int Streams)
    {
        public bool FewEnoughToLead => Streams <= LeadLimit;
    }

    /// <summary>
    /// The streams carrying all of the request's tags, or null when it asks for none; without <paramref name="count"/>
    /// (a database whose planner has statistics of its own) not counted, and always leading.
    /// </summary>
    public static async Task<TagSet?> TagSetAsync(AvaDbContext db, StreamQuery query, bool count, CancellationToken cancellationToken)
    {
        var tags = StreamValues.NormalizeTags(query.Tags ?? []);
        if (tags.Count == 0)
        {
            return null;
        }

        var ids = tags.Skip(1).Aggregate(
            db.StreamTags.Where(t => t.Tag == tags[0]).Select(t => t.StreamId),
            (set, tag) => set.Intersect(db.StreamTags.Where(t => t.Tag == tag).Select(t => t.StreamId)));
        return new TagSet(ids, count ? await ids.Take(LeadLimit + 1).CountAsync(cancellationToken) : 0);
    }

    /// <summary>Whether the request filters by its tags and nothing else, so the tag set's size is the list's.</summary>
    public static bool FiltersOnlyByTags(StreamQuery query) => !(query with { Tags = null }).HasFilters;

    /// <param name="tagged">The streams carrying the request's tags, from <see cref="TagSetAsync"/>.</param>
    /// <param name="tagsLead">The tag set may be read through the tag index; otherwise each stream is only tested against it.</param>
    /// <param name="eclLeads">An ECL range may be read through the ECL index; otherwise it is only tested.</param>
    public static IQueryable<IntelligenceStream> Filter(AvaDbContext db, StreamQuery query, TagSet? tagged, bool tagsLead, bool eclLeads)
    {
        var streams = db.Streams.AsNoTracking();
        if (tagged is { Ids: var ids })
        {
            streams = tagsLead ? streams.Where(s => ids.Contains(s.Id)) : streams.Where(s => ids.Contains(s.Id + 0));
        }

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
