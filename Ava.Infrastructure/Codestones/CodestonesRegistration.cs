using Ava.Domain.Codestones;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Infrastructure.Codestones;

public static class CodestonesRegistration
{
    /// <summary>Codestones: the service and its validator (their demo data is seeded with the streams').</summary>
    public static IServiceCollection AddCodestones(this IServiceCollection services)
    {
        services.AddScoped<CodestoneService>();
        services.AddSingleton<IValidator<CodestoneValues>, CodestoneValuesValidator>();
        return services;
    }
}
