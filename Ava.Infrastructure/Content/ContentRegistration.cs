using Ava.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Content;

public static class ContentRegistration
{
    /// <summary>Safe Markdown rendering (with its image hosts) and server-side code highlighting.</summary>
    public static IServiceCollection AddContent(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ContentOptions>(configuration.GetSection(ContentOptions.Section));
        services.AddSingleton(sp => new MarkdownRenderer(sp.GetRequiredService<IOptions<ContentOptions>>()));
        services.AddSingleton<CodeHighlighter>();
        return services;
    }
}
