using Ava.Domain.Security;
using Ava.Domain.Streams;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Streams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Streams;

public sealed class StreamServiceTests : IAsyncLifetime
{
    private static readonly StreamValues Sample = new("Connection pool exhaustion", StreamSource.GitHub, StreamStatus.Raw, StreamPriority.High, "## What\n- pool of 10", 0.6, ["database", "incident"]);

    private ServiceDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await ServiceDatabase.CreateAsync();
        _db.User = ServiceDatabase.Principal("developer@ava.local", Roles.Developer);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task UpdateAsync_RefusesWithTheOtherWritersValues_WhenTheStreamChangedSinceItWasLoaded()
    {
        var created = await Service(s => s.CreateAsync(Sample));
        _db.User = ServiceDatabase.Principal("admin@ava.local", Roles.Admin);
        await Service(s => s.UpdateAsync(created.Id, Sample with { Priority = StreamPriority.Now }, created.Version));
        _db.User = ServiceDatabase.Principal("developer@ava.local", Roles.Developer);

        var conflict = await Should.ThrowAsync<ConcurrencyConflictException>(
            () => Service(s => s.UpdateAsync(created.Id, Sample with { Title = "My stale edit of this stream" }, created.Version)));

        conflict.ChangedBy.ShouldBe("admin@ava.local");
        conflict.Message.ShouldStartWith("Changed by admin@ava.local at ");
        ((StreamValues)conflict.CurrentValues).Priority.ShouldBe(StreamPriority.Now);
        var current = await Service(s => s.GetAsync(created.Id));
        current!.Values.Title.ShouldBe(Sample.Title);
        current.Values.Priority.ShouldBe(StreamPriority.Now);
    }

    [Fact]
    public async Task UpdateAsync_LetsExactlyOneOfTwoConcurrentEditorsWin()
    {
        var created = await Service(s => s.CreateAsync(Sample));

        var results = await Task.WhenAll(
            Attempt(() => Service(s => s.UpdateAsync(created.Id, Sample with { Title = "Edited by the first editor" }, created.Version))),
            Attempt(() => Service(s => s.UpdateAsync(created.Id, Sample with { Title = "Edited by the second editor" }, created.Version))));

        results.Count(r => r is null).ShouldBe(1);
        results.Count(r => r is ConcurrencyConflictException).ShouldBe(1);
    }

    [Fact]
    public async Task UpdateAsync_AuditsOnlyTheChangedFields_WithBeforeAndAfter()
    {
        var created = await Service(s => s.CreateAsync(Sample));

        await Service(s => s.UpdateAsync(created.Id, Sample with { Priority = StreamPriority.Low, Tags = ["database"] }, created.Version));

        await using var context = _db.NewContext();
        var updated = await context.AuditEvents.SingleAsync(e => e.Action == "stream.updated");
        updated.Resource.ShouldBe($"stream/{created.Id}");
        updated.UserName.ShouldBe("developer@ava.local");
        var metadata = updated.Metadata ?? "";
        metadata.ShouldContain("\"fields\":[\"Priority\",\"Tags\"]");
        metadata.ShouldContain("\"before\":{\"Priority\":\"High\"");
        metadata.ShouldNotContain("Title");
    }

    [Fact]
    public async Task Changes_AreRefusedAndAuditedAsViolations_ForAViewer()
    {
        var created = await Service(s => s.CreateAsync(Sample));
        _db.User = ServiceDatabase.Principal("viewer@ava.local", Roles.Viewer);

        await Should.ThrowAsync<PermissionDeniedException>(() => Service(s => s.CreateAsync(Sample)));
        await Should.ThrowAsync<PermissionDeniedException>(() => Service(s => s.UpdateAsync(created.Id, Sample, created.Version)));
        await Should.ThrowAsync<PermissionDeniedException>(() => Service(s => s.ArchiveManyAsync([created.Id])));
        var page = await Service(s => s.ListAsync(new StreamQuery()));

        page.Total.ShouldBe(1);
        await using var context = _db.NewContext();
        var violations = await context.AuditEvents.Where(e => e.Action == SecurityAuditActions.Violation).ToListAsync();
        violations.Count.ShouldBe(3);
        violations.ShouldAllBe(v => v.UserName == "viewer@ava.local" && v.Error!.Contains(Permissions.UpdateStreams));
        (await context.Streams.SingleAsync()).Status.ShouldBe(StreamStatus.Raw);
    }

    [Fact]
    public async Task CreateAsync_RefusesInvalidValues_WithTheRulesWords()
    {
        var invalid = await Should.ThrowAsync<InvalidValuesException>(() => Service(s => s.CreateAsync(Sample with { Title = "abc", EclScore = 2 })));

        invalid.Errors["Title"].ShouldBe(["Title must be 5 to 200 characters; it has 3."]);
        invalid.Errors["EclScore"].ShouldBe(["ECL score must be between 0.0 and 1.0."]);
        await using var context = _db.NewContext();
        (await context.Streams.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ArchiveManyAsync_ArchivesOnlyThoseNotArchivedYet()
    {
        var first = await Service(s => s.CreateAsync(Sample));
        var second = await Service(s => s.CreateAsync(Sample with { Title = "Second stream here" }));
        var third = await Service(s => s.CreateAsync(Sample with { Title = "Third stream here", Status = StreamStatus.Archived }));

        var archived = await Service(s => s.ArchiveManyAsync([first.Id, second.Id, third.Id]));

        archived.ShouldBe(2);
        var page = await Service(s => s.ListAsync(new StreamQuery(Status: StreamStatus.Archived)));
        page.Total.ShouldBe(3);
    }

    [Fact]
    public async Task ArchiveAndUnarchive_MoveTheStatus_AndKeepTheVersionMoving()
    {
        var created = await Service(s => s.CreateAsync(Sample));

        var archived = await Service(s => s.ArchiveAsync(created.Id, created.Version));
        var restored = await Service(s => s.UnarchiveAsync(archived.Id, archived.Version));

        archived.Values.Status.ShouldBe(StreamStatus.Archived);
        archived.ArchivedAt.ShouldNotBeNull();
        restored.Values.Status.ShouldBe(StreamStatus.Refined);
        restored.ArchivedAt.ShouldBeNull();
        new[] { created.Version, archived.Version, restored.Version }.Distinct().Count().ShouldBe(3);
        await Should.ThrowAsync<ConcurrencyConflictException>(() => Service(s => s.ArchiveAsync(created.Id, created.Version)));
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheStreamAndItsTags_AndAuditsTheBeforeState()
    {
        var created = await Service(s => s.CreateAsync(Sample));

        await Service(s => s.DeleteAsync(created.Id, created.Version));

        (await Service(s => s.GetAsync(created.Id))).ShouldBeNull();
        await using var context = _db.NewContext();
        (await context.StreamTags.CountAsync()).ShouldBe(0);
        (await context.AuditEvents.SingleAsync(e => e.Action == "stream.deleted")).Metadata!.ShouldContain(Sample.Title);
    }

    private async Task<T> Service<T>(Func<StreamService, Task<T>> call)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<StreamService>());
    }

    private async Task Service(Func<StreamService, Task> call)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        await call(scope.ServiceProvider.GetRequiredService<StreamService>());
    }

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
