using Ava.Domain.Streams;
using Ava.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Infrastructure.Streams;

public static class StreamsRegistration
{
    /// <summary>Intelligence streams: the service, its validator and the demo streams and codestones.</summary>
    public static IServiceCollection AddStreams(this IServiceCollection services)
    {
        services.AddScoped<StreamService>();
        services.AddSingleton<IValidator<StreamValues>, StreamValuesValidator>();
        services.AddScoped<IDemoDataSeeder, StreamsDemoSeeder>();
        return services;
    }
}
