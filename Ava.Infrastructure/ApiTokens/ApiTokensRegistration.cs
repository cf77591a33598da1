using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Infrastructure.ApiTokens;

public static class ApiTokensRegistration
{
    /// <summary>Personal access tokens for the REST API.</summary>
    public static IServiceCollection AddApiTokens(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiTokenOptions>(configuration.GetSection(ApiTokenOptions.Section));
        services.AddScoped<ApiTokenService>();
        services.AddSingleton<IValidator<NewApiToken>, NewApiTokenValidator>();
        return services;
    }
}
