using Ava.Domain.Health;
using Ava.Domain.Security;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ava.Tests.TestData;

/// <summary>
/// The real services over a fresh SQLite file with a test clock, acting as an Admin, and the rows the operations
/// rules read (request tallies, workflow runs, health samples) recorded at the clock's time.
/// </summary>
public sealed class OperationsDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private OperationsDatabase(ServiceDatabase db, FakeTimeProvider clock)
    {
        Db = db;
        Clock = clock;
    }

    public ServiceDatabase Db { get; }

    public FakeTimeProvider Clock { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public static async Task<OperationsDatabase> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(Start);
        var db = await ServiceDatabase.CreateAsync(settings: settings, configure: services => services.AddSingleton<TimeProvider>(clock));
        db.User = ServiceDatabase.Principal("admin@ava.local", Roles.Admin);
        return new OperationsDatabase(db, clock);
    }

    /// <summary>One run of the rule job, as the Admin.</summary>
    public Task<AlertEvaluation> EvaluateAsync() => Db.AsAsync<AlertEvaluator, AlertEvaluation>(Db.User, e => e.EvaluateAsync());

    public async Task TallyAsync(TimeSpan ago, int requests, int serverErrors)
    {
        await using var context = Db.NewContext();
        context.RequestTallies.Add(new RequestTally("test", Now - ago, requests, serverErrors));
        await context.SaveChangesAsync();
    }

    /// <summary>A workflow run that started <paramref name="ago"/> and is still running.</summary>
    public async Task<long> RunningSinceAsync(TimeSpan ago)
    {
        await using var context = Db.NewContext();
        var run = new WorkflowRun($"job-{Guid.NewGuid():N}", "archive-old-streams", "schedule", "{}", Now - ago);
        run.MarkStarted(1, Now - ago);
        context.WorkflowRuns.Add(run);
        await context.SaveChangesAsync();
        return run.Id;
    }

    public async Task SampleAsync(string check, HealthState state, TimeSpan ago, string description = "as sampled")
    {
        await using var context = Db.NewContext();
        context.HealthSamples.Add(new HealthSample(check, state, 3, description, Now - ago));
        await context.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
