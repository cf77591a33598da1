using Ava.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Web;

/// <summary>
/// The real app (Program, its settings validation and start-up work) on a temporary SQLite file of
/// its own, with the three demo users sharing <see cref="DemoPassword"/>, no log file, the Hangfire
/// server off unless a test turns it on, and short retry delays. Settings may be changed until the
/// host starts (the first use of <c>Services</c> or a client).
/// </summary>
public class AvaAppFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "correct-horse-battery-staple";
    public const string AdminEmail = "admin@ava.local";
    public const string DeveloperEmail = "developer@ava.local";
    public const string ViewerEmail = "viewer@ava.local";

    private readonly string _folder = Directory.CreateTempSubdirectory("ava-tests-").FullName;
    private readonly Dictionary<string, string> _settings;
    private readonly List<Action<IServiceCollection>> _serviceChanges = [];
    private string? _environment;

    public AvaAppFactory()
    {
        DatabasePath = Path.Combine(_folder, "ava.db");
        _settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:AutoMigrate"] = "true",
            ["ConnectionStrings:Ava"] = ConnectionString,
            ["Demo:Enabled"] = "true",
            ["AVA_DEMO_PASSWORD"] = DemoPassword,
            ["AVA_ADMIN_EMAIL"] = "",
            ["AVA_ADMIN_PASSWORD"] = "",
            ["LogFile:Path"] = "",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Workflows:RunServer"] = "false",
            // Every test client shares one address; the refused-token tests of the shared app must not run into each other's limit.
            ["Api:RateLimit:RefusedTokenLimit"] = "1000",
            // API limits are per user, and the tests of a shared app act as the same few users; the limit tests use apps of their own.
            ["Api:RateLimit:PermitLimit"] = "100000",
            ["Api:RateLimit:DecisionPermitLimit"] = "100000",
            ["ApiTokens:MaxActivePerUser"] = "100000",
            ["Security:Throttle:RefusedRequests"] = "100000",
            ["Security:Throttle:SignInFailures"] = "100000",
            ["Security:Throttle:SignInAccounts"] = "100000",
            ["Workflows:RetryAttempts"] = "2",
            // Every index the root appsettings.json sets, or its longer delays would show through.
            ["Workflows:RetryDelaysSeconds:0"] = "1",
            ["Workflows:RetryDelaysSeconds:1"] = "1",
            ["Workflows:RetryDelaysSeconds:2"] = "1",
        };
    }

    public string DatabasePath { get; }

    public string ConnectionString => $"Data Source={DatabasePath}";

    /// <summary>Everything the app wrote through <c>ILogger</c>, whatever the configured log levels.</summary>
    public CapturedLog Log { get; } = new();

    public AvaAppFactory WithSetting(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Runs the app in another environment than Development (for example Production's HSTS and secure cookies).</summary>
    public AvaAppFactory WithEnvironment(string environment)
    {
        _environment = environment;
        return this;
    }

    /// <summary>Changes the app's services after the app registered its own.</summary>
    public AvaAppFactory WithServices(Action<IServiceCollection> change)
    {
        _serviceChanges.Add(change);
        return this;
    }

    /// <summary>
    /// A context on the app's database file that does not go through the host, so a test can
    /// prepare the file before the app starts and read it afterwards.
    /// </summary>
    public SqliteAvaDbContext OpenDatabase() =>
        new(new DbContextOptionsBuilder<SqliteAvaDbContext>().UseSqlite(ConnectionString, DatabaseRegistration.SqliteMigrations).Options);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_environment is not null)
        {
            builder.UseEnvironment(_environment);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.CaptureLogsInto(Log);
            foreach (var change in _serviceChanges)
            {
                change(services);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open somewhere; the temp folder is cleaned by the OS eventually.
        }

        GC.SuppressFinalize(this);
    }
}
