using System.Security.Claims;
using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Infrastructure;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ava.Benchmarks;

/// <summary>The real Infrastructure services over a fresh SQLite file, acting as an administrator.</summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    /// <summary>The user id the benchmark acts as.</summary>
    public const string AdminId = "bench-admin";

    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, AdminId), new Claim(ClaimTypes.Name, "admin@ava.local"), new Claim(ClaimTypes.Role, Roles.Admin)],
        "Benchmark"));

    private readonly ServiceProvider _services;

    private readonly bool _keepFiles;

    private BenchmarkHost(string folder, bool keepFiles)
    {
        Folder = folder;
        _keepFiles = keepFiles;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Ava"] = $"Data Source={Path.Combine(folder, DatabaseFile)}",
            ["Workflows:RunServer"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddInfrastructure(configuration, folder);
        services.AddScoped<IUserContext, AdminContext>();
        services.AddScoped<IAuditActorAccessor, AdminActor>();
        _services = services.BuildServiceProvider();
    }

    /// <summary>The database file's name, the one the dashboard uses in its data folder.</summary>
    public const string DatabaseFile = "ava.db";

    public string Folder { get; }

    /// <param name="keepFiles">Leave the database behind on dispose (for a dashboard started on it afterwards).</param>
    public static async Task<BenchmarkHost> CreateAsync(bool keepFiles = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ava-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var host = new BenchmarkHost(folder, keepFiles);
        await using var scope = host._services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return host;
    }

    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    public AvaDbContext NewContext() => _services.GetRequiredService<IDbContextFactory<AvaDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_keepFiles)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private sealed class AdminContext : IUserContext
    {
        public Task<ClaimsPrincipal> GetUserAsync() => Task.FromResult(Admin);
    }

    private sealed class AdminActor : IAuditActorAccessor
    {
        public Task<AuditActor> GetActorAsync() => Task.FromResult(new AuditActor(AdminId, "admin@ava.local", "127.0.0.1", CorrelationContext.Id));
    }
}
