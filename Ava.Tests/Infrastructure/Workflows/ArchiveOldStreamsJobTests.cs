using System.Text.Json;
using Ava.Domain.Security;
using Ava.Domain.Streams;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Streams;
using Ava.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Workflows;

public sealed class ArchiveOldStreamsJobTests : IAsyncLifetime
{
    private const int OldStreams = 137;
    private ServiceDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await ServiceDatabase.CreateAsync();
        var now = DateTimeOffset.UtcNow;
        await using var context = _db.NewContext();
        for (var i = 0; i < OldStreams; i++)
        {
            context.Streams.Add(new IntelligenceStream(Values($"Old stream number {i}"), "seed", now.AddDays(-31 - (i % 20))));
        }

        for (var i = 0; i < 20; i++)
        {
            context.Streams.Add(new IntelligenceStream(Values($"Recent stream number {i}"), "seed", now.AddDays(-29 + (i % 5))));
        }

        context.Streams.Add(new IntelligenceStream(Values("Old but archived already") with { Status = StreamStatus.Archived }, "seed", now.AddDays(-90)));
        await context.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task RunAsync_ArchivesEveryOldStream_InBatchesOfFifty()
    {
        var archived = await RunJobAsync();

        archived.ShouldBe(OldStreams);
        await using var context = _db.NewContext();
        var cutoff = DateTimeOffset.UtcNow.AddDays(-30);
        (await context.Streams.CountAsync(s => s.Status != StreamStatus.Archived && s.CreatedAt < cutoff)).ShouldBe(0);
        (await context.Streams.CountAsync(s => s.Status != StreamStatus.Archived)).ShouldBe(20);
        (await BatchIdsAsync()).Select(ids => ids.Count).ShouldBe([50, 50, 37]);
    }

    [Fact]
    public async Task RunAsync_ArchivesNothing_WhenRunTwice()
    {
        await RunJobAsync();

        var second = await RunJobAsync();

        second.ShouldBe(0);
        (await BatchIdsAsync()).Count.ShouldBe(3);
    }

    [Fact]
    public async Task RunAsync_FinishesTheRestAndArchivesNothingTwice_AfterARunDiedBetweenBatches()
    {
        using (WorkflowCaller.Begin(WorkflowCaller.SystemPrincipal(ArchiveOldStreamsJob.Name)))
        await using (var scope = _db.Services.CreateAsyncScope())
        {
            var streams = scope.ServiceProvider.GetRequiredService<StreamService>();
            var cutoff = DateTimeOffset.UtcNow.AddDays(-30);
            var first = await streams.ArchiveCreatedBeforeAsync(cutoff, 0, ArchiveOldStreamsJob.BatchSize);
            await streams.ArchiveCreatedBeforeAsync(cutoff, first.LastId!.Value, ArchiveOldStreamsJob.BatchSize);
        }

        var rest = await RunJobAsync();

        rest.ShouldBe(OldStreams - 100);
        var batches = await BatchIdsAsync();
        var ids = batches.SelectMany(b => b).ToList();
        ids.Count.ShouldBe(OldStreams);
        ids.Distinct().Count().ShouldBe(OldStreams);
    }

    [Fact]
    public async Task RunAsync_ReportsProgressOnItsRun()
    {
        await using (var context = _db.NewContext())
        {
            context.WorkflowRuns.Add(new Ava.Domain.Workflows.WorkflowRun("job-77", ArchiveOldStreamsJob.Name, "schedule", "{}", DateTimeOffset.UtcNow));
            await context.SaveChangesAsync();
        }

        using (WorkflowCaller.Begin(WorkflowCaller.SystemPrincipal(ArchiveOldStreamsJob.Name)))
        await using (var scope = _db.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ArchiveOldStreamsJob>().ArchiveAsync("job-77", CancellationToken.None);
        }

        await using var check = _db.NewContext();
        var run = await check.WorkflowRuns.SingleAsync(r => r.JobId == "job-77");
        run.ProgressProcessed.ShouldBe(OldStreams);
        run.ProgressTotal.ShouldBe(OldStreams);
    }

    private static StreamValues Values(string title) =>
        new(title, StreamSource.Automated, StreamStatus.Raw, StreamPriority.Normal, "", null, ["ops"]);

    [Fact]
    public async Task RunAsync_ArchivesThroughTheEntityRuleAsTheSystemActor_WithoutAViolation()
    {
        await RunJobAsync();

        await using var context = _db.NewContext();
        var archived = await context.Streams.Where(s => s.Status == StreamStatus.Archived && s.Title.StartsWith("Old stream")).ToListAsync();
        archived.ShouldAllBe(s => s.UpdatedBy == "system:archive-old-streams" && s.ArchivedAt != null);
        var events = await context.AuditEvents.Where(e => e.Action == StreamAuditActions.Archived).ToListAsync();
        events.ShouldAllBe(e => e.UserName == "system:archive-old-streams" && e.UserId == null);
        (await context.AuditEvents.CountAsync(e => e.Action == SecurityAuditActions.Violation)).ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_IsRefusedAndArchivesNothing_WhenItsCallerMayNotUpdateStreams()
    {
        await using (var scope = _db.Services.CreateAsyncScope())
        using (WorkflowCaller.Begin(ServiceDatabase.Principal("viewer@ava.local", Roles.Viewer)))
        {
            await Should.ThrowAsync<PermissionDeniedException>(
                () => scope.ServiceProvider.GetRequiredService<ArchiveOldStreamsJob>().RunAsync(null, CancellationToken.None));
        }

        await using var context = _db.NewContext();
        (await context.Streams.CountAsync(s => s.Status == StreamStatus.Archived)).ShouldBe(1);
        (await context.AuditEvents.SingleAsync(e => e.Action == SecurityAuditActions.Violation)).UserName.ShouldBe("viewer@ava.local");
    }

    private async Task<int> RunJobAsync()
    {
        using var caller = WorkflowCaller.Begin(WorkflowCaller.SystemPrincipal(ArchiveOldStreamsJob.Name));
        await using var scope = _db.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArchiveOldStreamsJob>().RunAsync(null, CancellationToken.None);
    }

    /// <summary>The stream ids each archive batch recorded in the audit trail, in order.</summary>
    private async Task<List<List<long>>> BatchIdsAsync()
    {
        await using var context = _db.NewContext();
        var metadata = await context.AuditEvents.Where(e => e.Action == StreamAuditActions.Archived).OrderBy(e => e.Sequence).Select(e => e.Metadata!).ToListAsync();
        return metadata.Select(m => JsonDocument.Parse(m).RootElement.GetProperty("ids").EnumerateArray().Select(i => i.GetInt64()).ToList()).ToList();
    }
}
