using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Infrastructure.Alerts;

public static class AlertsRegistration
{
    /// <summary>The alert book, the rules and their job, the webhook's dispatcher, sender and job, and the alerts' service.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section));
        services.AddSingleton<AlertBook>();
        services.AddSingleton<IAlertRule, ErrorRateRule>();
        services.AddSingleton<IAlertRule, WorkflowRunningLongRule>();
        services.AddSingleton<IAlertRule, ChangeSetsFailedRule>();
        services.AddSingleton<IAlertRule, SecurityViolationsRule>();
        services.AddSingleton<IAlertRule, HealthDegradedRule>();
        services.AddScoped<AlertEvaluator>();
        services.AddScoped<AlertWebhookDispatcher>();
        services.AddScoped<AlertWebhookSender>();
        services.AddHttpClient(AlertWebhookSender.HttpClientName);
        services.AddTransient<EvaluateAlertsJob>();
        services.AddTransient<SendAlertWebhookJob>();
        return services;
    }
}
