using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Domain.Streams;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Streams;

/// <summary>
/// Intelligence streams: browse (view_streams) and change (update_streams). Every change is
/// validated by <see cref="StreamValuesValidator"/>, checked against the version the caller
/// loaded, and audited with the changed fields in the same transaction.
/// </summary>
public sealed class StreamService(
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    AuditTrail trail,
    VersionedWriter writer,
    IValidator<StreamValues> validator,
    TimeProvider clock)
{
    /// <summary>
    /// A filtered list counts its matches up to this many: an exact count of a broad filter over
    /// 100,000 streams costs more than the page itself, and nobody pages past the first thousand.
    /// </summary>
    public const int CountLimit = 1_000;

    private static readonly VersionedSet<IntelligenceStream> Set = new(
        "Stream",
        db => db.Streams.Include(s => s.Tags),
        current => new ConcurrencyConflictException(current.UpdatedBy, current.UpdatedAt, current.Values, current.Version));

    public async Task<Paged<StreamRow>> ListAsync(StreamQuery query, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewStreams);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // See StreamListQuery: on SQLite the streams carrying the tags lead when they are few, or when the filters
        // leave few matches; otherwise a page of many matches is read in its sort's order.
        var sqlite = db.Database.IsSqlite();
        var tagged = await StreamListQuery.TagSetAsync(db, query, count: sqlite, cancellationToken);
        int total;
        if (sqlite && tagged is not null && StreamListQuery.FiltersOnlyByTags(query))
        {
            // The tag set was just counted up to more than CountLimit: that count is the list's.
            total = Math.Min(tagged.Streams, CountLimit + 1);
        }
        else
        {
            var counted = StreamListQuery.Filter(db, query, tagged, tagsLead: tagged is { FewEnoughToLead: true }, eclLeads: true);
            total = query.HasFilters
                ? await counted.Take(CountLimit + 1).CountAsync(cancellationToken)
                : await counted.CountAsync(cancellationToken);
        }

        var few = total <= CountLimit;
        var page = StreamListQuery.Filter(db, query, tagged, tagsLead: tagged is { FewEnoughToLead: true } || few,
            eclLeads: !sqlite || few || query.SortBy == StreamSortField.EclScore);
        var rows = await StreamListQuery.Sort(page, query)
            .Page(query.Paging)
            .Select(s => new { s.Id, s.Title, s.Source, s.Status, s.Priority, s.EclScore, s.CreatedAt, s.UpdatedAt })
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var tags = (await db.StreamTags.AsNoTracking().Where(t => ids.Contains(t.StreamId)).ToListAsync(cancellationToken))
            .ToLookup(t => t.StreamId, t => t.Tag);
        var items = rows.Select(r => new StreamRow(r.Id, r.Title, r.Source, r.Status, r.Priority, r.EclScore, tags[r.Id].Order().ToList(), r.CreatedAt, r.UpdatedAt)).ToList();
        return new Paged<StreamRow>(items, total, query.Paging, query.HasFilters ? CountLimit : null);
    }

    public async Task<StreamDetail?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewStreams);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stream = await db.Streams.AsNoTracking().Include(s => s.Tags).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return stream is null ? null : Detail(stream);
    }

    /// <summary>The tags in use, most used first, for filter suggestions.</summary>
    public async Task<IReadOnlyList<string>> ListTagsAsync(int top = 50, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewStreams);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StreamTags.GroupBy(t => t.Tag).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key).Take(top).ToListAsync(cancellationToken);
    }

    public async Task<StreamDetail> CreateAsync(StreamValues values, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.UpdateStreams);
        await validator.EnsureValidAsync(values, cancellationToken);
        var stream = await writer.CreateAsync(
            new IntelligenceStream(values, user.DisplayName(), clock.GetUtcNow()),
            s => Entry(StreamAuditActions.Created, s, AuditTrail.Metadata(new { after = Snapshot(s.Values) })),
            cancellationToken);
        return Detail(stream);
    }

    /// <summary>Saves new values when the stream still has <paramref name="expectedVersion"/>; otherwise throws <see cref="ConcurrencyConflictException"/> with the current values.</summary>
    public async Task<StreamDetail> UpdateAsync(long id, StreamValues values, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.UpdateStreams);
        await validator.EnsureValidAsync(values, cancellationToken);
        var stream = await writer.ChangeAsync(Set, id, expectedVersion, (_, stream) =>
        {
            var before = stream.Values;
            var changed = stream.Update(values, user.DisplayName(), clock.GetUtcNow());
            return changed.Count == 0
                ? null
                : Entry(StreamAuditActions.Updated, stream, AuditTrail.Metadata(new { fields = changed, before = Snapshot(before, changed), after = Snapshot(stream.Values, changed) }));
        }, cancellationToken);
        return Detail(stream);
    }

    public async Task<StreamDetail> ArchiveAsync(long id, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.UpdateStreams);
        var stream = await writer.ChangeAsync(Set, id, expectedVersion, (_, stream) =>
        {
            stream.Archive(user.DisplayName(), clock.GetUtcNow());
            return Entry(StreamAuditActions.Archived, stream, AuditTrail.Metadata(new { fields = new[] { "Status" }, after = new { Status = nameof(StreamStatus.Archived) } }));
        }, cancellationToken);
        return Detail(stream);
    }

    public async Task<StreamDetail> UnarchiveAsync(long id, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.UpdateStreams);
        var stream = await writer.ChangeAsync(Set, id, expectedVersion, (_, stream) =>
        {
            stream.Unarchive(user.DisplayName(), clock.GetUtcNow());
            return Entry(StreamAuditActions.Unarchived, stream, AuditTrail.Metadata(new { fields = new[] { "Status" }, after = new { Status = nameof(StreamStatus.Refined) } }));
        }, cancellationToken);
        return Detail(stream);
    }

    /// <summary>Archives every selected stream that is not archived yet; returns how many were archived.</summary>
    public async Task<int> ArchiveManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.UpdateStreams);
        return await ArchiveWhereAsync(user, db => db.Streams.Where(s => ids.Contains(s.Id) && s.Status != StreamStatus.Archived), cancellationToken);
    }

    /// <summary>How many streams created before <paramref name="cutoff"/> are not archived yet.</summary>
    public async Task<int> CountUnarchivedCreatedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewStreams);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await UnarchivedCreatedBefore(db, cutoff).CountAsync(cancellationToken);
    }

    /// <summary>
    /// Archives the next <paramref name="batchSize"/> unarchived streams created before <paramref name="cutoff"/>
    /// with ids after <paramref name="afterId"/>, through the entity's archive rule, in one transaction with
    /// one audit event. Walking the ids forward makes a long run resumable: each batch starts where the last
    /// committed one ended, and a stream archived already is never selected again.
    /// </summary>
    public async Task<StreamArchiveBatch> ArchiveCreatedBeforeAsync(DateTimeOffset cutoff, long afterId, int batchSize, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.UpdateStreams);
        long? lastId = null;
        var archived = await ArchiveWhereAsync(user, db => UnarchivedCreatedBefore(db, cutoff).Where(s => s.Id > afterId).OrderBy(s => s.Id).Take(batchSize), cancellationToken,
            streams => lastId = streams.Count > 0 ? streams[^1].Id : null);
        return new StreamArchiveBatch(archived, lastId);
    }

    private async Task<int> ArchiveWhereAsync(
        System.Security.Claims.ClaimsPrincipal user,
        Func<AvaDbContext, IQueryable<IntelligenceStream>> select,
        CancellationToken cancellationToken,
        Action<IReadOnlyList<IntelligenceStream>>? selected = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var streams = await select(db).ToListAsync(cancellationToken);
        selected?.Invoke(streams);
        var now = clock.GetUtcNow();
        foreach (var stream in streams)
        {
            stream.Archive(user.DisplayName(), now);
        }

        await ArchiveBatchWrite.SaveAsync(db, streams, cancellationToken);
        if (streams.Count > 0)
        {
            await trail.AppendAsync(db, new AuditEntry(StreamAuditActions.Archived, $"streams/{streams.Count}", true,
                Metadata: AuditTrail.Metadata(new { fields = new[] { "Status" }, ids = streams.Select(s => s.Id) })), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return streams.Count;
    }

    private static IQueryable<IntelligenceStream> UnarchivedCreatedBefore(AvaDbContext db, DateTimeOffset cutoff) =>
        db.Streams.Where(s => s.Status != StreamStatus.Archived && s.CreatedAt < cutoff);

    public async Task DeleteAsync(long id, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.UpdateStreams);
        await writer.ChangeAsync(Set, id, expectedVersion, (db, stream) =>
        {
            db.Streams.Remove(stream);
            return Entry(StreamAuditActions.Deleted, stream, AuditTrail.Metadata(new { before = Snapshot(stream.Values) }));
        }, cancellationToken);
    }

    private static AuditEntry Entry(string action, IntelligenceStream stream, string? metadata) =>
        new(action, $"stream/{stream.Id}", true, Metadata: metadata);

    private static StreamDetail Detail(IntelligenceStream s) =>
        new(s.Id, s.Values, s.CreatedAt, s.CreatedBy, s.UpdatedAt, s.UpdatedBy, s.ArchivedAt, s.Version);

    /// <summary>The values for the audit trail; long text is cut so an event stays small.</summary>
    private static Dictionary<string, object?> Snapshot(StreamValues values, IReadOnlyList<string>? only = null)
    {
        var all = new Dictionary<string, object?>
        {
            [nameof(StreamValues.Title)] = values.Title,
            [nameof(StreamValues.Source)] = values.Source.ToString(),
            [nameof(StreamValues.Status)] = values.Status.ToString(),
            [nameof(StreamValues.Priority)] = values.Priority.ToString(),
            [nameof(StreamValues.Summary)] = values.Summary.Length > 500 ? values.Summary[..500] + "…" : values.Summary,
            [nameof(StreamValues.EclScore)] = values.EclScore,
            [nameof(StreamValues.Tags)] = values.Tags,
        };
        return only is null ? all : all.Where(p => only.Contains(p.Key)).ToDictionary();
    }
}
