using Ava.Domain.Security;
using Ava.Domain.Streams;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Streams;

/// <summary>Paging, sorting and filtering against a seeded SQLite database (the demo data set).</summary>
public sealed class StreamQueryTests : IAsyncLifetime
{
    private ServiceDatabase _db = default!;
    private List<(StreamValues Values, int AgeDays, int AgeMinutes, string Author)> _seeded = [];

    public async ValueTask InitializeAsync()
    {
        _db = await ServiceDatabase.CreateAsync();
        _db.User = ServiceDatabase.Principal("viewer@ava.local", Roles.Viewer);
        _seeded = StreamDemoData.Generate().ToList();
        var now = DateTimeOffset.UtcNow;
        await using var context = _db.NewContext();
        foreach (var (values, days, minutes, author) in _seeded)
        {
            context.Streams.Add(new IntelligenceStream(values, author, now.AddDays(-days).AddMinutes(-minutes)));
        }

        await context.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ListAsync_PagesNewestFirst_ByDefault()
    {
        var first = await ListAsync(new StreamQuery(PageSize: 25));
        var second = await ListAsync(new StreamQuery(Page: 1, PageSize: 25));

        first.Total.ShouldBe(_seeded.Count);
        first.Items.Count.ShouldBe(25);
        first.Items.Select(i => i.CreatedAt).ShouldBeInOrder(SortDirection.Descending);
        first.Items.Last().CreatedAt.ShouldBeGreaterThanOrEqualTo(second.Items.First().CreatedAt);
        first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListAsync_CombinesFilters_LikeTheSeededData()
    {
        var query = new StreamQuery(Source: StreamSource.Automated, Status: StreamStatus.Refined, PageSize: 200);
        var expected = _seeded.Count(s => s.Values.Source == StreamSource.Automated && s.Values.Status == StreamStatus.Refined);

        var page = await ListAsync(query);

        page.Total.ShouldBe(expected);
        page.Items.ShouldAllBe(i => i.Source == StreamSource.Automated && i.Status == StreamStatus.Refined);
    }

    [Fact]
    public async Task ListAsync_FiltersByTagAndEclRange()
    {
        var tag = _seeded.SelectMany(s => s.Values.Tags).GroupBy(t => t).OrderByDescending(g => g.Count()).First().Key;
        var expected = _seeded.Count(s => s.Values.Tags.Contains(tag) && s.Values.EclScore is >= 0.5 and <= 0.9);

        var page = await ListAsync(new StreamQuery(Tags: [tag], EclMin: 0.5, EclMax: 0.9, PageSize: 200));

        page.Total.ShouldBe(expected);
        page.Items.ShouldAllBe(i => i.Tags.Contains(tag) && i.EclScore >= 0.5 && i.EclScore <= 0.9);
    }

    [Fact]
    public async Task ListAsync_SearchesTitleAndSummary()
    {
        var word = _seeded[7].Values.Title.Split(' ').OrderByDescending(w => w.Length).First();
        var expected = _seeded.Count(s => s.Values.Title.Contains(word, StringComparison.OrdinalIgnoreCase) || s.Values.Summary.Contains(word, StringComparison.OrdinalIgnoreCase));

        var page = await ListAsync(new StreamQuery(Text: word, PageSize: 200));

        page.Total.ShouldBe(expected);
        page.Total.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData(StreamSortField.Title, false)]
    [InlineData(StreamSortField.Priority, false)]
    [InlineData(StreamSortField.EclScore, true)]
    public async Task ListAsync_SortsByTheChosenColumn(StreamSortField field, bool descending)
    {
        var page = await ListAsync(new StreamQuery(SortBy: field, Descending: descending, PageSize: 200));

        var keys = page.Items.Select<StreamRow, IComparable?>(i => field switch
        {
            StreamSortField.Title => i.Title,
            StreamSortField.Priority => (int)i.Priority,
            _ => i.EclScore ?? -1,
        }).ToList();
        keys.ShouldBeInOrder(descending ? SortDirection.Descending : SortDirection.Ascending, Comparer<IComparable?>.Create((a, b) => a is string sa && b is string sb ? string.CompareOrdinal(sa, sb) : Comparer<IComparable?>.Default.Compare(a, b)));
    }

    private async Task<Paged<StreamRow>> ListAsync(StreamQuery query)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StreamService>().ListAsync(query);
    }
}
