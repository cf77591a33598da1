using Ava.Domain.Health;
using Ava.Infrastructure.Health;
using Microsoft.Extensions.Time.Testing;

namespace Ava.Tests.Infrastructure.Health;

public sealed class HealthTilesCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private int _builds;

    [Fact]
    public async Task GetAsync_ComputesOnceForEveryPageThatAsks_UntilItIsInvalidated()
    {
        var cache = new HealthTilesCache(_clock);

        var pages = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => cache.GetAsync(false, BuildAsync)));

        _builds.ShouldBe(1);
        pages.Distinct().Count().ShouldBe(1);
        cache.Invalidate();
        (await cache.GetAsync(false, BuildAsync)).ShouldNotBeSameAs(pages[0]);
        _builds.ShouldBe(2);
    }

    [Fact]
    public async Task GetAsync_KeepsTilesWithDetailsApart_AndComputesAfreshOnceTheyAreOld()
    {
        var cache = new HealthTilesCache(_clock);
        var plain = await cache.GetAsync(false, BuildAsync);
        var detailed = await cache.GetAsync(true, BuildAsync);
        detailed.ShouldNotBeSameAs(plain);

        _clock.Advance(HealthTilesCache.MaxAge - TimeSpan.FromSeconds(1));
        (await cache.GetAsync(false, BuildAsync)).ShouldBeSameAs(plain);
        _clock.Advance(TimeSpan.FromSeconds(1));
        (await cache.GetAsync(false, BuildAsync)).ShouldNotBeSameAs(plain);
        _builds.ShouldBe(3);
    }

    [Fact]
    public async Task GetAsync_ComputesAgain_WhenTheLastComputationFailed()
    {
        var cache = new HealthTilesCache(_clock);
        await Should.ThrowAsync<InvalidOperationException>(() => cache.GetAsync(false, () => Task.FromException<HealthOverview>(new InvalidOperationException("database is busy"))));

        (await cache.GetAsync(false, BuildAsync)).Tiles.ShouldBeEmpty();
    }

    private async Task<HealthOverview> BuildAsync()
    {
        Interlocked.Increment(ref _builds);
        await Task.Yield();
        return new HealthOverview(HealthState.Healthy, [], false, _clock.GetUtcNow(), false);
    }
}
