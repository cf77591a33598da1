using Ava.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Infrastructure.Prompts;

public static class PromptRegistration
{
    /// <summary>Prompt templates: the service, diff and metrics queries, the seeder that runs on every start, and the demo runs.</summary>
    public static IServiceCollection AddPrompts(this IServiceCollection services)
    {
        services.AddScoped<PromptService>();
        services.AddScoped<PromptDiffService>();
        services.AddScoped<PromptMetricsQueries>();
        services.AddSingleton<IValidator<NewPromptVersion>, NewPromptVersionValidator>();
        services.AddScoped<IReferenceDataSeeder, PromptTemplateSeeder>();
        services.AddScoped<IDemoDataSeeder, PromptsDemoSeeder>();
        return services;
    }
}
