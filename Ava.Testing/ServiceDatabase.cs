using System.Security.Claims;
using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Infrastructure;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Identity;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ava.Testing;

/// <summary>
/// The real Infrastructure services over a real SQLite file (a fresh migrated one, or an existing one
/// such as a running dashboard's), with the caller chosen by the test. The host's circuit and HTTP user
/// plumbing is covered by the web tests; everything below it is the app's own.
/// </summary>
public sealed class ServiceDatabase : IAsyncDisposable
{
    private readonly AsyncLocal<ClaimsPrincipal?> _caller = new();
    private readonly ServiceProvider _services;
    private readonly bool _deleteFolder;

    private ServiceDatabase(
        string folder, string connectionString, bool deleteFolder, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? configure)
    {
        Folder = folder;
        ConnectionString = connectionString;
        _deleteFolder = deleteFolder;
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Ava"] = connectionString,
            ["Database:Provider"] = "Sqlite",
            ["Workflows:RunServer"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));

        // As a host does: the configuration status reads it.
        services.AddSingleton<IConfiguration>(configuration);
        services.AddInfrastructure(configuration, folder);
        services.AddSingleton(this);
        services.AddScoped<IInteractiveUserContext, TestCaller>();
        services.AddScoped<IAuditActorAccessor, TestActor>();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    /// <summary>The caller every service sees unless a call says otherwise; a Viewer until a test changes it.</summary>
    public ClaimsPrincipal User { get; set; } = Principal("viewer@ava.local", Roles.Viewer);

    public IServiceProvider Services => _services;

    /// <summary>The folder of the database file (and of anything else the services write).</summary>
    public string Folder { get; }

    public string ConnectionString { get; }

    /// <summary>The database file's name, the one the dashboard uses in its data folder.</summary>
    public const string DatabaseFile = "ava.db";

    private ClaimsPrincipal Caller => _caller.Value ?? User;

    /// <summary>A fresh database in a temporary folder, migrated like a first start.</summary>
    /// <param name="keepFiles">Leave the folder behind on dispose, for a dashboard started on it afterwards.</param>
    /// <param name="settings">Configuration values over the defaults, as a host's settings would give them.</param>
    /// <param name="configure">Adds to or replaces the Infrastructure's services, for a test that extends them (a change target of its own, say).</param>
    public static async Task<ServiceDatabase> CreateAsync(
        bool keepFiles = false, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("ava-tests-").FullName;
        var database = new ServiceDatabase(folder, $"Data Source={Path.Combine(folder, DatabaseFile)}", !keepFiles, settings, configure);
        await using var scope = database._services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return database;
    }

    /// <summary>The services over an existing database, such as the one a running dashboard uses.</summary>
    public static ServiceDatabase Open(string connectionString) =>
        new(Directory.CreateTempSubdirectory("ava-tests-services-").FullName, connectionString, deleteFolder: true, null, null);

    /// <summary>A signed-in principal with one role, as a test user without an account.</summary>
    public static ClaimsPrincipal Principal(string email, string role) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, $"id-{email}"), new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, role)],
            "Test"));

    public T Get<T>(AsyncServiceScope scope)
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    public AvaDbContext NewContext() => _services.GetRequiredService<IDbContextFactory<AvaDbContext>>().CreateDbContext();

    /// <summary>Runs raw SQL on its own connection, as someone with direct database access would.</summary>
    public async Task ExecuteRawAsync(string sql)
    {
        await using var db = NewContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>Calls <typeparamref name="TService"/> in a scope of its own as <paramref name="user"/>.</summary>
    public async Task<TResult> AsAsync<TService, TResult>(ClaimsPrincipal user, Func<TService, Task<TResult>> call)
        where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        _caller.Value = user;
        try
        {
            return await call(scope.ServiceProvider.GetRequiredService<TService>());
        }
        finally
        {
            _caller.Value = null;
        }
    }

    /// <summary>Calls <typeparamref name="TService"/> as the account with <paramref name="email"/>, with the claims its sign-in would carry.</summary>
    public async Task<TResult> AsAsync<TService, TResult>(string email, Func<TService, Task<TResult>> call)
        where TService : notnull =>
        await AsAsync(await SignedInPrincipalAsync(email), call);

    /// <summary>The principal Identity issues at sign-in for the account with <paramref name="email"/>.</summary>
    public async Task<ClaimsPrincipal> SignedInPrincipalAsync(string email)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        var account = await users.FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"The database has no user {email}.");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AvaUser>>().CreateAsync(account);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_deleteFolder)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by the OS is cleaned up with the temp folder.
            }
        }
    }

    private sealed class TestCaller(ServiceDatabase database) : IInteractiveUserContext
    {
        public Task<ClaimsPrincipal> GetUserAsync() => Task.FromResult(database.Caller);
    }

    /// <summary>The audit trail's view of the caller: whoever the services see, a job's caller included.</summary>
    private sealed class TestActor(IUserContext callers) : IAuditActorAccessor
    {
        public async Task<AuditActor> GetActorAsync()
        {
            var user = await callers.GetUserAsync();
            return new AuditActor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.DisplayName(), "127.0.0.1", CorrelationContext.Id ?? "test");
        }
    }
}
