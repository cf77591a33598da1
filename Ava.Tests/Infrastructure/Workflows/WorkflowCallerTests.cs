using System.Security.Claims;
using Ava.Domain.Security;
using Ava.Domain.Streams;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Identity;
using Ava.Infrastructure.Workflows;
using Ava.Tests.TestData;
using Ava.Tests.Web;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Workflows;

/// <summary>
/// Background jobs act as someone, on the app's real Hangfire server: the person who asked, with the
/// permissions they hold when the job starts, or the named system actor of a scheduled run.
/// </summary>
public sealed class WorkflowCallerTests(WorkflowCallerTests.App app) : IClassFixture<WorkflowCallerTests.App>
{
    public sealed class App : AvaAppFactory
    {
        public App() => WithSetting("Workflows:RunServer", "true");
    }

    [Fact]
    public async Task Job_RunsWithTheDevelopersPermissionsAndIsAuditedAsThem_WhenADeveloperAskedForIt()
    {
        var developer = await TestUsers.CreateAsync(app.Services, Roles.Developer);
        var title = $"Created by a job for {developer.Email}";

        var jobId = await EnqueueAsync<CreatesStreamJob>(developer, job => job.RunAsync(title));

        var run = await WaitForRunAsync(jobId, WorkflowStatus.Succeeded);
        run.RequestedById.ShouldBe(developer.Id);
        run.Trigger.ShouldBe($"user:{developer.Email}");
        await using var db = app.OpenDatabase();
        var stream = await db.Streams.SingleAsync(s => s.Title == title);
        stream.CreatedBy.ShouldBe(developer.Email);
        var created = await db.AuditEvents.SingleAsync(e => e.Action == StreamAuditActions.Created && e.Resource == $"stream/{stream.Id}");
        created.UserId.ShouldBe(developer.Id);
        created.UserName.ShouldBe(developer.Email);
    }

    [Fact]
    public async Task Job_IsRefusedWhatTheDeveloperMayNotDo_AndTheViolationNamesThem()
    {
        var developer = await TestUsers.CreateAsync(app.Services, Roles.Developer);

        var jobId = await EnqueueAsync<StartsArchiveJob>(developer, job => job.RunAsync());

        var run = await WaitForRunAsync(jobId, WorkflowStatus.Retrying, WorkflowStatus.Failed);
        run.Error!.ShouldContain(Permissions.ExecuteCommands);
        await using var db = app.OpenDatabase();
        var violation = await db.AuditEvents.FirstAsync(e => e.Action == SecurityAuditActions.Violation && e.UserId == developer.Id);
        violation.UserName.ShouldBe(developer.Email);
        (await db.AuditEvents.CountAsync(e => e.Action == WorkflowAuditActions.RunRequested && e.UserId == developer.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Job_FailsAtOnceWithoutWriting_WhenItsRequesterWasLockedOutSinceAsking()
    {
        var developer = await TestUsers.CreateAsync(app.Services, Roles.Developer);
        var principal = await PrincipalOfAsync(developer);
        await LockOutAsync(developer);
        var title = $"Never created for {developer.Email}";

        var jobId = Enqueue<CreatesStreamJob>(principal, job => job.RunAsync(title));

        var run = await WaitForRunAsync(jobId, WorkflowStatus.Failed);
        run.Attempts.ShouldBe(1);
        run.Error!.ShouldContain("locked out");
        await using var db = app.OpenDatabase();
        (await db.Streams.CountAsync(s => s.Title == title)).ShouldBe(0);
        var refused = await db.AuditEvents.SingleAsync(e => e.Action == WorkflowAuditActions.CallerRefused && e.UserId == developer.Id);
        refused.Success.ShouldBeFalse();
        refused.Error!.ShouldContain(CreatesStreamJob.Name);
    }

    [Fact]
    public async Task Job_FailsWithoutWriting_WhenItsRequesterWasDeletedSinceAsking()
    {
        var developer = await TestUsers.CreateAsync(app.Services, Roles.Developer);
        var principal = await PrincipalOfAsync(developer);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
            (await users.DeleteAsync((await users.FindByIdAsync(developer.Id))!)).Succeeded.ShouldBeTrue();
        }

        var jobId = Enqueue<CreatesStreamJob>(principal, job => job.RunAsync("Never created for a deleted user"));

        var run = await WaitForRunAsync(jobId, WorkflowStatus.Failed);
        run.Error!.ShouldContain("no longer exists");
        await using var db = app.OpenDatabase();
        (await db.Streams.CountAsync(s => s.Title == "Never created for a deleted user")).ShouldBe(0);
        (await db.AuditEvents.CountAsync(e => e.Action == WorkflowAuditActions.CallerRefused && e.UserId == developer.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task ScheduledArchiveRun_IsAuditedAsTheSystemActor_AndRaisesNoViolation()
    {
        // The app creates its database when it starts; this test may be the first of its class to run.
        var jobs = app.Services.GetRequiredService<IRecurringJobManagerV2>();
        await using (var db = app.OpenDatabase())
        {
            db.Streams.Add(new IntelligenceStream(
                new StreamValues("Old enough to archive on schedule", StreamSource.Automated, StreamStatus.Raw, StreamPriority.Normal, "", null, []),
                "seed",
                DateTimeOffset.UtcNow.AddDays(-45)));
            await db.SaveChangesAsync();
        }

        // What the scheduler does when the cron fires: the recurring job runs with no requester.
        var jobId = jobs.TriggerJob(ArchiveOldStreamsJob.Name);

        var run = await WaitForRunAsync(jobId, WorkflowStatus.Succeeded);
        run.RequestedById.ShouldBeNull();
        run.Trigger.ShouldBe(WorkflowTriggers.Schedule);
        await using var check = app.OpenDatabase();
        var stream = await check.Streams.SingleAsync(s => s.Title == "Old enough to archive on schedule");
        stream.Status.ShouldBe(StreamStatus.Archived);
        stream.UpdatedBy.ShouldBe("system:archive-old-streams");
        var archived = (await check.AuditEvents.Where(e => e.Action == StreamAuditActions.Archived).ToListAsync())
            .Where(e => System.Text.Json.JsonDocument.Parse(e.Metadata!).RootElement.GetProperty("ids").EnumerateArray().Any(id => id.GetInt64() == stream.Id))
            .ToList();
        archived.ShouldHaveSingleItem().UserName.ShouldBe("system:archive-old-streams");
        // Other tests' refused jobs may still be retrying on this app; none of the violations may be the system actor's.
        (await check.AuditEvents.CountAsync(e => e.Action == SecurityAuditActions.Violation && e.UserName.StartsWith(SystemActor.Prefix))).ShouldBe(0);
    }

    private async Task<string> EnqueueAsync<TJob>(AvaUser requester, System.Linq.Expressions.Expression<Func<TJob, Task>> call) =>
        Enqueue(await PrincipalOfAsync(requester), call);

    private string Enqueue<TJob>(ClaimsPrincipal requester, System.Linq.Expressions.Expression<Func<TJob, Task>> call)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<WorkflowLauncher>().Enqueue(requester, call);
    }

    private async Task<ClaimsPrincipal> PrincipalOfAsync(AvaUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>().FindByIdAsync(user.Id);
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AvaUser>>().CreateAsync(account!);
    }

    private async Task LockOutAsync(AvaUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        (await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.UtcNow.AddHours(1))).Succeeded.ShouldBeTrue();
    }

    private Task<WorkflowRun> WaitForRunAsync(string jobId, params WorkflowStatus[] statuses) =>
        Poll.UntilAsync(
            async () =>
            {
                await using var db = app.OpenDatabase();
                return await db.WorkflowRuns.AsNoTracking().SingleOrDefaultAsync(r => r.JobId == jobId);
            },
            run => statuses.Contains(run.Status),
            $"job {jobId} to be recorded {string.Join(" or ", statuses)}");
}
