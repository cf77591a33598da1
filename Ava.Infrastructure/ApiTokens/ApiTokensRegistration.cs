using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Infrastructure.ApiTokens;

public static class ApiTokensRegistration
{
    /// <summary>Personal access tokens for the REST API.</summary>
    public static IServiceCollection AddApiTokens(this IServiceCollection services)
    {
        services.AddScoped<ApiTokenService>();
        services.AddSingleton<IValidator<NewApiToken>, NewApiTokenValidator>();
        return services;
    }
}
