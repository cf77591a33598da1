using Ava.Domain.Streams;
using Ava.Infrastructure.Streams;
using Microsoft.EntityFrameworkCore;

namespace Ava.Tests.Infrastructure.Streams;

public sealed class ArchiveBatchWriteTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private ServiceDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await ServiceDatabase.CreateAsync();
        await using var context = _db.NewContext();
        for (var i = 0; i < 5; i++)
        {
            context.Streams.Add(new IntelligenceStream(
                new StreamValues($"Stream number {i}", StreamSource.Manual, StreamStatus.Refined, StreamPriority.Normal, "Summary", 5, ["ops"]), "seed", Now.AddDays(-40)));
        }

        await context.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task SaveAsync_WritesWhatTheRuleDecided_AndANewVersion_LeavingTheRestAsItWas()
    {
        var before = await SnapshotAsync();

        await using (var context = _db.NewContext())
        {
            var streams = await context.Streams.OrderBy(s => s.Id).Take(3).ToListAsync();
            streams.ForEach(s => s.Archive("system:archive-old-streams", Now));
            await ArchiveBatchWrite.SaveAsync(context, streams, CancellationToken.None);
        }

        var after = await SnapshotAsync();
        after.Take(3).ShouldAllBe(s => s.Status == StreamStatus.Archived && s.ArchivedAt == Now && s.UpdatedAt == Now && s.UpdatedBy == "system:archive-old-streams");
        after.Take(3).Select(s => s.Version).ShouldNotContain(v => before.Select(b => b.Version).Contains(v));
        after.Take(3).Select(s => (s.Title, s.Summary, s.CreatedAt, s.CreatedBy)).ShouldBe(before.Take(3).Select(s => (s.Title, s.Summary, s.CreatedAt, s.CreatedBy)));
        after.Skip(3).Select(s => (s.Status, s.Version, s.UpdatedAt)).ShouldBe(before.Skip(3).Select(s => (s.Status, s.Version, s.UpdatedAt)));
    }

    [Fact]
    public async Task SaveAsync_FailsAndWritesNothing_WhenAStreamWasEditedAfterItWasLoaded()
    {
        await using var context = _db.NewContext();
        var streams = await context.Streams.OrderBy(s => s.Id).Take(3).ToListAsync();
        await using (var other = _db.NewContext())
        {
            // An edit that committed after the batch was read: its row now holds another version.
            var edited = await other.Streams.SingleAsync(s => s.Id == streams[1].Id);
            edited.Update(edited.Values with { Title = "Edited meanwhile" }, "developer@ava.local", Now);
            await other.SaveChangesAsync();
        }

        streams.ForEach(s => s.Archive("system:archive-old-streams", Now));
        await using var transaction = await context.Database.BeginTransactionAsync();

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => ArchiveBatchWrite.SaveAsync(context, streams, CancellationToken.None));
        await transaction.RollbackAsync();
        (await SnapshotAsync()).ShouldAllBe(s => s.Status == StreamStatus.Refined);
    }

    [Fact]
    public async Task SaveAsync_Refuses_WhenTheStreamsChangedMoreThanArchivingWrites()
    {
        await using var context = _db.NewContext();
        var streams = await context.Streams.OrderBy(s => s.Id).Take(2).ToListAsync();
        streams[1].Update(streams[1].Values with { Title = "Renamed in the same batch" }, "system:archive-old-streams", Now);
        streams.ForEach(s => s.Archive("system:archive-old-streams", Now));

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => ArchiveBatchWrite.SaveAsync(context, streams, CancellationToken.None));

        refused.Message.ShouldContain("Title");
        (await SnapshotAsync()).ShouldAllBe(s => s.Status == StreamStatus.Refined);
    }

    private async Task<List<IntelligenceStream>> SnapshotAsync()
    {
        await using var context = _db.NewContext();
        return await context.Streams.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
    }
}
