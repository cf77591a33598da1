using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Ai;

public static class AiRegistration
{
    /// <summary>The AI layer: the configured provider (one <c>IChatClient</c>), the run pipeline, the scorer, the per-user limit and the provider's health check.</summary>
    public static IServiceCollection AddAi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AiOptions>().Bind(configuration.GetSection(AiOptions.Section));
        services.AddSingleton(sp => AiClientFactory.Create(sp.GetRequiredService<IOptions<AiOptions>>().Value, sp.GetRequiredService<ILoggerFactory>(), sp));
        services.AddSingleton<IAiProvider>(sp => sp.GetRequiredService<AiProvider>());
        services.AddSingleton<InjectionScorer>();
        services.AddSingleton<AiActionLimiter>();
        services.AddScoped<PromptRunRecorder>();
        services.AddScoped<PromptRunner>();
        services.AddScoped<InjectionScreening>();
        services.AddHttpClient(AiHealthCheck.HttpClientName);
        services.AddHealthChecks().AddCheck<AiHealthCheck>(AiHealthCheck.Name, tags: ["ai"]);
        return services;
    }
}
