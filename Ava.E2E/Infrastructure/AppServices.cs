using System.Security.Claims;
using Ava.Domain.Audit;
using Ava.Infrastructure;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Identity;
using Ava.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.E2E.Infrastructure;

/// <summary>
/// The dashboard's own Infrastructure services, in the test process, over the running dashboard's SQLite
/// database: for tests that need data the demo seed does not have (an applied recommendation, an edited
/// stream). Every call runs as a demo user, with the claims the dashboard itself would give them, so the
/// services check permissions and write audit events exactly as they do for the app. The dashboard caches
/// none of this, so what is written here shows on its next page load.
/// </summary>
public sealed class AppServices : IAsyncDisposable
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());
    private readonly AsyncLocal<ClaimsPrincipal?> _caller = new();
    private readonly ServiceProvider _services;
    private readonly string _folder = Directory.CreateTempSubdirectory("ava-e2e-services-").FullName;

    public AppServices(string connectionString)
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
        services.AddSingleton(this);
        services.AddScoped<IUserContext, CallerContext>();
        services.AddScoped<IAuditActorAccessor, CallerActor>();
        _services = services.BuildServiceProvider();
    }

    // Per async flow, so that calls running side by side each keep their own user.
    private ClaimsPrincipal Caller => _caller.Value ?? Nobody;

    /// <summary>Calls <typeparamref name="TService"/> as <paramref name="user"/>, in a scope of its own.</summary>
    public async Task<TResult> AsAsync<TService, TResult>(DemoUser user, Func<TService, Task<TResult>> call)
        where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        var account = await users.FindByEmailAsync(user.Email)
            ?? throw new InvalidOperationException($"The dashboard has no user {user.Email}; is it running in demo mode?");
        _caller.Value = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AvaUser>>().CreateAsync(account);
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private sealed class CallerContext(AppServices app) : IUserContext
    {
        public Task<ClaimsPrincipal> GetUserAsync() => Task.FromResult(app.Caller);
    }

    private sealed class CallerActor(AppServices app) : IAuditActorAccessor
    {
        public Task<AuditActor> GetActorAsync() => Task.FromResult(new AuditActor(
            app.Caller.FindFirstValue(ClaimTypes.NameIdentifier),
            app.Caller.DisplayName(),
            "127.0.0.1",
            CorrelationContext.Id ?? "e2e"));
    }
}
