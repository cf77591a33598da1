using Ava.Infrastructure.Alerts;
using Ava.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Infrastructure.Audit;

public static class AuditRegistration
{
    /// <summary>The audit trail, its queries and chain verification, the alerts it raises, and its demo history.</summary>
    /// <remarks>The alert book and rules the violations alert goes through are registered by <c>AddAlerts</c>.</remarks>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<SecurityAlerts>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<AuditChainVerifier>();
        services.AddSingleton<AuditCheckpointSigner>();
        services.AddScoped<AuditCheckpointJob>();
        services.AddScoped<AlertService>();
        services.AddScoped<IDemoDataSeeder, AuditDemoSeeder>();
        return services;
    }
}
