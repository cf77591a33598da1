using Ava.Domain.Security;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Workflows;

namespace Ava.Tests.Infrastructure.Workflows;

public sealed class WorkflowRunQueriesTests : IAsyncLifetime
{
    private const string RawError = "SQLite Error 19: 'UNIQUE constraint failed: Streams.Title' at /srv/ava/data/ava.db";
    private ServiceDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await ServiceDatabase.CreateAsync();
        await using var context = _db.NewContext();
        var run = new WorkflowRun("job-failed", "archive-old-streams", WorkflowTriggers.Schedule, "{}", DateTimeOffset.UtcNow);
        run.MarkStarted(1, DateTimeOffset.UtcNow);
        run.MarkAttemptFailed(RawError, willRetry: false, DateTimeOffset.UtcNow);
        context.WorkflowRuns.Add(run);
        await context.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ListAsync_HidesTheErrorText_FromCallersWithoutViewLogs()
    {
        var page = await ListAsAsync(ServiceDatabase.Principal("developer@ava.local", Roles.Developer));

        var run = page.Items.ShouldHaveSingleItem();
        run.Status.ShouldBe(WorkflowStatus.Failed);
        run.Error.ShouldBe(WorkflowRunQueries.HiddenError);
    }

    [Fact]
    public async Task ListAsync_ShowsTheErrorText_ToCallersWithViewLogs()
    {
        var page = await ListAsAsync(ServiceDatabase.Principal("admin@ava.local", Roles.Admin));

        page.Items.ShouldHaveSingleItem().Error.ShouldBe(RawError);
    }

    private Task<Paged<WorkflowRunRow>> ListAsAsync(System.Security.Claims.ClaimsPrincipal user) =>
        _db.AsAsync<WorkflowRunQueries, Paged<WorkflowRunRow>>(user, runs => runs.ListAsync(null, PageRequest.First));
}
