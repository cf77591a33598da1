using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Health;

public static class HealthRegistration
{
    /// <summary>
    /// The health checks beyond the database's (Hangfire, disk, audit chain, stuck workflows, GitHub and Notion
    /// when configured), the sampling workflow and its history, the tiles' queries and the host's request tallies.
    /// </summary>
    public static IServiceCollection AddHealth(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.Section));
        services.AddOptions<IntegrationsOptions>().Bind(configuration.GetSection(IntegrationsOptions.Section));
        services.AddSingleton(new DataFolder(DataFolderOf(configuration, contentRoot)));
        services.AddHttpClient(ExternalApiHealthCheck.HttpClientName);

        services.AddHealthChecks()
            .AddCheck<HangfireHealthCheck>(HangfireHealthCheck.Name, tags: ["workflows"])
            .AddCheck<DiskSpaceHealthCheck>(DiskSpaceHealthCheck.Name, tags: ["disk"])
            .AddCheck<AuditChainHealthCheck>(AuditChainHealthCheck.Name, tags: ["audit"])
            .AddCheck<StuckWorkflowsHealthCheck>(StuckWorkflowsHealthCheck.Name, tags: ["workflows"])
            .Add(External(ExternalApiHealthCheck.GitHubName, ExternalApiHealthCheck.GitHub))
            .Add(External(ExternalApiHealthCheck.NotionName, ExternalApiHealthCheck.Notion));

        services.AddScoped<HealthSampler>();
        services.AddScoped<HealthQueries>();
        services.AddSingleton<HealthTilesCache>();
        services.AddTransient<SampleHealthJob>();
        services.AddSingleton<RequestCounter>();
        services.AddSingleton<RequestTallyWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<RequestTallyWriter>());
        return services;
    }

    private static HealthCheckRegistration External(string name, ExternalApiHealthCheck.Target target) =>
        new(name, sp => new ExternalApiHealthCheck(target, sp.GetRequiredService<IOptionsMonitor<IntegrationsOptions>>(), sp.GetRequiredService<IHttpClientFactory>()),
            HealthStatus.Unhealthy, ["integrations"]);

    /// <summary><see cref="HealthOptions.DataFolder"/>, else the SQLite file's folder, else the content root (SQL Server keeps its data elsewhere).</summary>
    private static string DataFolderOf(IConfiguration configuration, string contentRoot)
    {
        if (configuration[$"{HealthOptions.Section}:DataFolder"] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(Path.Combine(contentRoot, configured));
        }

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var source = new SqliteConnectionStringBuilder(configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? DatabaseOptions.DefaultSqliteConnectionString).DataSource;
            if (source != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(Path.Combine(contentRoot, source))) is { } folder)
            {
                return folder;
            }
        }

        return contentRoot;
    }
}
