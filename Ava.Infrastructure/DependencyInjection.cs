using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Alerts;
using Ava.Infrastructure.ApiTokens;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Briefings;
using Ava.Infrastructure.Codestones;
using Ava.Infrastructure.Commands;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Content;
using Ava.Infrastructure.Health;
using Ava.Infrastructure.Identity;
using Ava.Infrastructure.Metrics;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Prompts;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Settings;
using Ava.Infrastructure.Streams;
using Ava.Infrastructure.Workflows;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ava.Infrastructure;

public static class DependencyInjection
{
    public const string QuickHealthTag = "quick";

    /// <summary>Everything below the UI: database, Identity stores, services, workflows. Call after <see cref="SettingsValidator"/> passed.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var workflows = configuration.GetSection(WorkflowOptions.Section).Get<WorkflowOptions>() ?? new WorkflowOptions();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<WorkflowOptions>(configuration.GetSection(WorkflowOptions.Section));
        services.Configure<AuditOptions>(configuration.GetSection(AuditOptions.Section));
        services.AddSingleton(BootstrapOptions.From(configuration));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LiveUpdates>();

        services.AddAvaDatabase(database, connectionString, contentRoot);
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<VersionedWriter>();
        services.AddDataProtection()
            .SetApplicationName("Ava.Dashboard")
            .PersistKeysToDbContext<AvaDbContext>();
        services.AddHealthChecks()
            .AddDbContextCheck<AvaDbContext>("database", HealthStatus.Unhealthy, [QuickHealthTag]);
        services.AddWorkflows(database, connectionString, workflows);
        services.AddCommands(configuration, contentRoot);

        // One line per feature; demo data is seeded in this order.
        services.AddCallers();
        services.AddAccounts();
        services.AddAudit();
        services.AddContent(configuration);
        services.AddStreams();
        services.AddCodestones();
        services.AddApiTokens(configuration);
        services.AddApprovals(configuration);
        services.AddAi(configuration);
        services.AddPrompts();
        services.AddBriefings(configuration);
        services.AddCodeReviews();
        services.AddHealth(configuration, contentRoot);
        services.AddOperationsMetrics();
        services.AddAlerts(configuration);
        services.AddOperationsSettings(configuration);
        return services;
    }
}
