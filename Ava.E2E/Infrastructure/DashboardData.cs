using System.Security.Claims;
using Ava.Domain.Audit;
using Ava.Domain.Streams;
using Ava.Infrastructure;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Identity;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Streams;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.E2E.Infrastructure;

/// <summary>
/// Arranges data that no page of the dashboard creates: recommendations come from AI assistants, not
/// from a form. A test submits them through the app's own <see cref="RecommendationService"/>, here in
/// the test process, over the running dashboard's SQLite file, as a demo user signed in the way the app
/// signs users in (its own claims factory).
/// </summary>
/// <remarks>
/// Why this way: the dashboard runs in another process, and it has no submission endpoint yet. Rows
/// written with SQL would skip what a submission does (the field allow-list, the confidence bands,
/// automatic escalation with its ticket, the audit chain); the real service does all of it, so the pages
/// show exactly what an assistant's submission would give them. Both processes write the same file
/// safely: every write runs in an immediate SQLite transaction and waits out the other's lock (the
/// connection's busy timeout). What does not cross the process boundary is the live notification
/// (<see cref="ApprovalActivity"/> is per process), so tests open or reload a page after arranging.
/// Demo data of its own is not relied on: each test makes the streams and recommendations it looks at.
/// </remarks>
public sealed class DashboardData : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _folder = Directory.CreateTempSubdirectory("ava-e2e-data-").FullName;

    public DashboardData(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Ava"] = connectionString,
            ["Database:Provider"] = "Sqlite",
            ["Workflows:RunServer"] = "false",
        }).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInfrastructure(configuration, _folder);
        services.AddScoped<Caller>();
        services.AddScoped<IUserContext>(sp => sp.GetRequiredService<Caller>());
        services.AddScoped<IAuditActorAccessor>(sp => sp.GetRequiredService<Caller>());
        _services = services.BuildServiceProvider();
    }

    /// <summary>Creates a stream as <paramref name="user"/> (who needs update_streams).</summary>
    public Task<StreamDetail> CreateStreamAsync(DemoUser user, StreamValues values) =>
        AsAsync<StreamService, StreamDetail>(user, streams => streams.CreateAsync(values));

    /// <summary>Submits a recommendation as <paramref name="user"/> (who needs run_ai_prompts), as an assistant acting for them would.</summary>
    public Task<SubmissionResult> SubmitAsync(DemoUser user, RecommendationSubmission submission) =>
        AsAsync<RecommendationService, SubmissionResult>(user, recommendations => recommendations.SubmitAsync(submission));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();

        // Pooled connections would keep the dashboard's file open after the run.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<TResult> AsAsync<TService, TResult>(DemoUser user, Func<TService, Task<TResult>> call)
        where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        var account = await users.FindByEmailAsync(user.Email)
            ?? throw new InvalidOperationException($"The dashboard has no user {user.Email}; is it running in demo mode?");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AvaUser>>().CreateAsync(account);
        scope.ServiceProvider.GetRequiredService<Caller>().User = principal;
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Who the services see as the caller, and how the audit trail records them.</summary>
    private sealed class Caller : IUserContext, IAuditActorAccessor
    {
        public ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

        public Task<ClaimsPrincipal> GetUserAsync() => Task.FromResult(User);

        public Task<AuditActor> GetActorAsync() => Task.FromResult(new AuditActor(
            User.FindFirstValue(ClaimTypes.NameIdentifier), User.DisplayName(), "127.0.0.1", CorrelationContext.Id ?? $"e2e-{Guid.NewGuid():N}"));
    }
}
