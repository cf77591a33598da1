using Microsoft.Extensions.DependencyInjection;

namespace Ava.Infrastructure.Security;

public static class SecurityRegistration
{
    /// <summary>
    /// Who is calling (a job's caller first, then the host's <see cref="IInteractiveUserContext"/>, which the
    /// host registers) and the service layer's permission checks.
    /// </summary>
    public static IServiceCollection AddCallers(this IServiceCollection services)
    {
        services.AddScoped<IUserContext, CallerContext>();
        services.AddScoped<PermissionGuard>();
        return services;
    }
}
