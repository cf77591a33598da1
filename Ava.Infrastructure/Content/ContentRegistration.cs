using Microsoft.Extensions.DependencyInjection;

namespace Ava.Infrastructure.Content;

public static class ContentRegistration
{
    /// <summary>Safe Markdown rendering and server-side code highlighting.</summary>
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<CodeHighlighter>();
        return services;
    }
}
