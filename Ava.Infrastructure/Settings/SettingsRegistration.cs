using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Commands;
using Ava.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;

namespace Ava.Infrastructure.Settings;

public static class SettingsRegistration
{
    /// <summary>
    /// Feature flags (Microsoft.FeatureManagement over the database), maintenance mode and the watcher that keeps
    /// both current on this instance, and the configuration status with the setting groups of the Infrastructure.
    /// </summary>
    public static IServiceCollection AddOperationsSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MaintenanceOptions>().Bind(configuration.GetSection(MaintenanceOptions.Section));
        services.AddSingleton<FeatureFlagStore>();
        services.AddSingleton<IFeatureDefinitionProvider, DatabaseFeatureDefinitionProvider>();
        services.AddFeatureManagement();
        services.AddSingleton<CapabilityGuard>();
        services.AddScoped<FeatureFlagService>();

        services.AddSingleton<MaintenanceState>();
        services.AddScoped<MaintenanceService>();
        services.AddHostedService<OperationsStateWatcher>();

        services.AddScoped<ConfigurationStatusService>();
        foreach (var group in Groups)
        {
            services.AddSingleton(group);
        }

        return services;
    }

    /// <summary>The Infrastructure's settings, in the order the configuration status lists them; the host adds its own.</summary>
    private static readonly SettingGroup[] Groups =
    [
        new("Database", DatabaseOptions.Section, typeof(DatabaseOptions)),
        new("Connection strings", "ConnectionStrings", null, [DatabaseOptions.ConnectionStringName]),
        new("First start and demo", "", null, ["Demo:Enabled", "AVA_ADMIN_EMAIL", "AVA_ADMIN_PASSWORD", "AVA_DEMO_PASSWORD"]),
        new("Workflows", WorkflowOptions.Section, typeof(WorkflowOptions)),
        new("Approvals", ApprovalOptions.Section, typeof(ApprovalOptions)),
        new("AI", AiOptions.Section, typeof(AiOptions)),
        new("Execution queue", CommandOptions.Section, typeof(CommandOptions)),
        new("Content", ContentOptions.Section, typeof(ContentOptions)),
        new("Health", HealthOptions.Section, typeof(HealthOptions)),
        new("Alerts", AlertOptions.Section, typeof(AlertOptions)),
        new("Maintenance", MaintenanceOptions.Section, typeof(MaintenanceOptions)),
        new("Integrations", IntegrationsOptions.Section, typeof(IntegrationsOptions)),
    ];
}
