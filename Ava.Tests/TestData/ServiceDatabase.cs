using System.Security.Claims;
using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Infrastructure;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.TestData;

/// <summary>
/// The real Infrastructure services over a fresh, migrated SQLite file, with the caller set by
/// the test (the host's circuit and HTTP user plumbing is covered by the web tests).
/// </summary>
public sealed class ServiceDatabase : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ava-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    private ServiceDatabase(IReadOnlyDictionary<string, string?>? settings)
    {
        Directory.CreateDirectory(_folder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Ava"] = $"Data Source={Path.Combine(_folder, "ava.db")}",
            ["Workflows:RunServer"] = "false",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInfrastructure(configuration, _folder);
        services.AddSingleton(this);
        services.AddScoped<IUserContext, TestUserContext>();
        services.AddScoped<IAuditActorAccessor, TestActorAccessor>();
        _services = services.BuildServiceProvider();
    }

    /// <summary>The caller every service sees; a Viewer until a test says otherwise.</summary>
    public ClaimsPrincipal User { get; set; } = Principal("viewer@ava.local", Roles.Viewer);

    public IServiceProvider Services => _services;

    /// <param name="settings">Settings on top of the defaults, e.g. an AI provider on a loopback server.</param>
    public static async Task<ServiceDatabase> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = new ServiceDatabase(settings);
        await using var scope = database._services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return database;
    }

    public static ClaimsPrincipal Principal(string email, string role) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, $"id-{email}"), new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, role)],
            "Test"));

    public T Get<T>(AsyncServiceScope scope)
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public AvaDbContext NewContext() => _services.GetRequiredService<IDbContextFactory<AvaDbContext>>().CreateDbContext();

    /// <summary>Runs raw SQL on its own connection, as someone with direct database access would.</summary>
    public async Task ExecuteRawAsync(string sql)
    {
        await using var db = NewContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS is cleaned up with the temp folder.
        }
    }

    private sealed class TestUserContext(ServiceDatabase database) : IUserContext
    {
        public Task<ClaimsPrincipal> GetUserAsync() => Task.FromResult(database.User);
    }

    private sealed class TestActorAccessor(ServiceDatabase database) : IAuditActorAccessor
    {
        public Task<AuditActor> GetActorAsync() => Task.FromResult(new AuditActor(
            database.User.FindFirstValue(ClaimTypes.NameIdentifier),
            database.User.DisplayName(),
            "127.0.0.1",
            CorrelationContext.Id ?? "test"));
    }
}
