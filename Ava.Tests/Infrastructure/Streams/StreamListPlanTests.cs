using Ava.Domain.Security;
using Ava.Domain.Streams;
using Ava.Infrastructure.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Streams;

/// <summary>
/// The streams list reads a common tag, several tags and a wide ECL range differently from a rare tag
/// (<see cref="StreamListQuery"/>); whichever way it reads them, a page holds exactly the streams the filter
/// selects, in the order asked for. Enough streams carry "common", and both "common" and "wide", for them to be tested for in sort order, not led by.
/// </summary>
public sealed class StreamListPlanTests : IAsyncLifetime
{
    private const int Count = StreamListQuery.LeadLimit + 300;
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private ServiceDatabase _db = default!;
    private readonly List<(long Id, string Title, double Ecl, DateTimeOffset At, string[] Tags)> _streams = [];

    public async ValueTask InitializeAsync()
    {
        _db = await ServiceDatabase.CreateAsync();
        _db.User = ServiceDatabase.Principal("viewer@ava.local", Roles.Viewer);
        await using var context = _db.NewContext();
        var created = new List<(IntelligenceStream Stream, string[] Tags)>();
        for (var i = 0; i < Count; i++)
        {
            string[] tags = i % 10 == 0 ? ["common", "rare", "wide"] : i % 3 == 0 ? ["common", "second", "wide"] : ["common", "wide"];
            var values = new StreamValues($"Stream {(i * 7919) % Count:D5}", StreamSource.Manual, StreamStatus.Raw, StreamPriority.Normal, "", (i * 37 % 100) / 10.0, tags);
            var stream = new IntelligenceStream(values, "seed", Start.AddMinutes(i * 13 % Count));
            context.Streams.Add(stream);
            created.Add((stream, tags));
        }

        for (var i = 0; i < 50; i++)
        {
            context.Streams.Add(new IntelligenceStream(
                new StreamValues($"Untagged {i:D3}", StreamSource.Manual, StreamStatus.Raw, StreamPriority.Normal, "", 5, []), "seed", Start.AddMinutes(i)));
        }

        await context.SaveChangesAsync();
        _streams.AddRange(created.Select(c => (c.Stream.Id, c.Stream.Title, c.Stream.EclScore ?? 0, c.Stream.UpdatedAt, c.Tags)));
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<string[], double?, double?, StreamSortField, int> Requests => new()
    {
        { ["common"], 2.0, 7.5, StreamSortField.UpdatedAt, 0 },
        { ["common"], null, null, StreamSortField.Title, 3 },
        { ["common", "second"], null, null, StreamSortField.UpdatedAt, 1 },
        { ["common", "rare"], 1.0, 9.0, StreamSortField.Title, 0 },
        { ["common", "wide"], null, null, StreamSortField.Title, 2 },
        { ["wide", "common"], 3.0, null, StreamSortField.UpdatedAt, 1 },
        { ["second"], 4.0, null, StreamSortField.EclScore, 2 },
        { [], 2.0, 7.5, StreamSortField.UpdatedAt, 4 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task ListAsync_ReturnsWhatTheFilterSelects_InOrder(string[] tags, double? eclMin, double? eclMax, StreamSortField sortBy, int page)
    {
        var query = new StreamQuery(Tags: tags, EclMin: eclMin, EclMax: eclMax, SortBy: sortBy, Page: page);

        var listed = await ListAsync(query);

        var matching = _streams.Where(s => tags.All(s.Tags.Contains) && (eclMin is null || s.Ecl >= eclMin) && (eclMax is null || s.Ecl <= eclMax)).ToList();
        IEnumerable<(long Id, string Title, double Ecl, DateTimeOffset At, string[] Tags)> ordered = sortBy switch
        {
            StreamSortField.Title => matching.OrderByDescending(s => s.Title, StringComparer.Ordinal).ThenByDescending(s => s.Id),
            StreamSortField.EclScore => matching.OrderByDescending(s => s.Ecl).ThenByDescending(s => s.Id),
            _ => matching.OrderByDescending(s => s.At).ThenByDescending(s => s.Id),
        };
        listed.Items.Select(i => i.Id).ShouldBe(ordered.Skip(page * 25).Take(25).Select(s => s.Id));
        listed.Total.ShouldBe(Math.Min(matching.Count, StreamService.CountLimit + 1));
    }

    private async Task<Ava.Infrastructure.Common.Paged<StreamRow>> ListAsync(StreamQuery query)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StreamService>().ListAsync(query);
    }
}
