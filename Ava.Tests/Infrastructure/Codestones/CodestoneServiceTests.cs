using Ava.Domain.Codestones;
using Ava.Domain.Security;
using Ava.Infrastructure.Codestones;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Codestones;

public sealed class CodestoneServiceTests : IAsyncLifetime
{
    private static readonly CodestoneValues Sample = new("Retry with jittered backoff", CodeLanguage.CSharp, "public static class Retry { }", null, ReviewStatus.Draft, 0.4);

    private ServiceDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await ServiceDatabase.CreateAsync();
        _db.User = ServiceDatabase.Principal("developer@ava.local", Roles.Developer);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task UpdateAsync_AuditsTheChangedFields_AndRefusesAStaleVersion()
    {
        var created = await Call(s => s.CreateAsync(Sample));

        var updated = await Call(s => s.UpdateAsync(created.Id, Sample with { ReviewStatus = ReviewStatus.Review, EclScore = 0.7 }, created.Version));
        var stale = await Should.ThrowAsync<ConcurrencyConflictException>(() => Call(s => s.UpdateAsync(created.Id, Sample with { Title = "A stale edit of it" }, created.Version)));

        updated.Values.ReviewStatus.ShouldBe(ReviewStatus.Review);
        ((CodestoneValues)stale.CurrentValues).EclScore.ShouldBe(0.7);
        await using var context = _db.NewContext();
        var events = await context.AuditEvents.Where(e => e.Action.StartsWith("codestone.")).OrderBy(e => e.Sequence).ToListAsync();
        events.Select(e => e.Action).ShouldBe(["codestone.created", "codestone.updated"]);
        (events[1].Metadata ?? "").ShouldContain("\"fields\":[\"ReviewStatus\",\"EclScore\"]");
    }

    [Fact]
    public async Task Changes_AreRefusedAndAudited_ForAViewer_WhoCanStillRead()
    {
        var created = await Call(s => s.CreateAsync(Sample));
        _db.User = ServiceDatabase.Principal("viewer@ava.local", Roles.Viewer);

        await Should.ThrowAsync<PermissionDeniedException>(() => Call(s => s.UpdateAsync(created.Id, Sample, created.Version)));
        await Should.ThrowAsync<PermissionDeniedException>(() => Call(s => s.DeleteAsync(created.Id, created.Version)));
        var read = await Call(s => s.GetAsync(created.Id));

        read.ShouldNotBeNull();
        await using var context = _db.NewContext();
        (await context.AuditEvents.CountAsync(e => e.Action == SecurityAuditActions.Violation && e.Error!.Contains(Permissions.CreateCodestones))).ShouldBe(2);
    }

    [Fact]
    public async Task CreateAsync_RefusesAGitHubLinkOutsideGitHub()
    {
        var invalid = await Should.ThrowAsync<InvalidValuesException>(() => Call(s => s.CreateAsync(Sample with { GitHubUrl = "https://gitlab.com/a/b" })));

        invalid.Errors.Keys.ShouldBe(["GitHubUrl"]);
    }

    private async Task<T> Call<T>(Func<CodestoneService, Task<T>> call)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<CodestoneService>());
    }

    private async Task Call(Func<CodestoneService, Task> call)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        await call(scope.ServiceProvider.GetRequiredService<CodestoneService>());
    }
}
