using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Metrics;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Prompts;
using Ava.Infrastructure.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Infrastructure.Briefings;

public static class BriefingsRegistration
{
    /// <summary>Morning briefings: the generator and its workflow, the reader's queries, ratings and regeneration, satisfaction for the prompt and health metrics, and the demo fortnight.</summary>
    public static IServiceCollection AddBriefings(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BriefingOptions>(configuration.GetSection(BriefingOptions.Section));
        services.AddScoped<BriefingGenerator>();
        services.AddScoped<BriefingQueries>();
        services.AddScoped<BriefingService>();
        services.AddTransient<MorningBriefingJob>();
        services.AddSingleton<IPromptOutcomeSource, BriefingSatisfaction>();
        services.AddSingleton<IMetricSource, BriefingRatingsMetric>();
        services.AddScoped<IDemoDataSeeder, BriefingsDemoSeeder>();
        return services;
    }
}
