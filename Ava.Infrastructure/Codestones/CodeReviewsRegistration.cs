using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Prompts;
using Ava.Infrastructure.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Infrastructure.Codestones;

public static class CodeReviewsRegistration
{
    /// <summary>AI code reviews: asking for them, reading them, the runner and its code-review job, the approval rate for the prompt metrics, and the demo dozen.</summary>
    public static IServiceCollection AddCodeReviews(this IServiceCollection services)
    {
        services.AddScoped<CodeReviewService>();
        services.AddScoped<CodeReviewQueries>();
        services.AddScoped<CodeReviewRunner>();
        services.AddTransient<CodeReviewJob>();
        services.AddSingleton<IPromptOutcomeSource, CodeReviewApprovalRate>();
        services.AddScoped<IDemoDataSeeder, CodeReviewsDemoSeeder>();
        return services;
    }
}
