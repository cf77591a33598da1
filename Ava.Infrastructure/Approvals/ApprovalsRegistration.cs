using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Infrastructure.Approvals;

public static class ApprovalsRegistration
{
    /// <summary>The approval loop: the change-target catalogue, recommendations, changesets, tickets and their demo data.</summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApprovalOptions>(configuration.GetSection(ApprovalOptions.Section));
        services.AddSingleton<IChangeTarget, StreamChangeTarget>();
        services.AddSingleton<IChangeTarget, CodestoneChangeTarget>();
        services.AddSingleton<ChangeTargets>();
        services.AddScoped<RecommendationService>();
        services.AddScoped<ChangeSetService>();
        services.AddScoped<TicketService>();
        services.AddScoped<IDemoDataSeeder, ApprovalsDemoSeeder>();
        return services;
    }
}
