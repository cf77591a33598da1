using Microsoft.Extensions.DependencyInjection;

namespace Ava.Infrastructure.Metrics;

public static class MetricsRegistration
{
    /// <summary>The operations metrics; a feature adds its own series by registering an <see cref="IMetricSource"/>.</summary>
    public static IServiceCollection AddOperationsMetrics(this IServiceCollection services)
    {
        services.AddScoped<MetricsQueries>();
        return services;
    }
}
