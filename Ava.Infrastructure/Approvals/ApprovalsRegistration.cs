using Ava.Domain.Codestones;
using Ava.Domain.Recommendations;
using Ava.Domain.Streams;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Codestones;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Streams;
using Ava.Infrastructure.Tickets;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ava.Infrastructure.Approvals;

public static class ApprovalsRegistration
{
    /// <summary>The approval loop: intake, queries, decisions, escalation tickets, changesets, helpdesk tickets and the change-target catalogue.</summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApprovalOptions>(configuration.GetSection(ApprovalOptions.Section));
        services.AddChangeTargets();
        services.AddSingleton<IValidator<SubmissionUnderReview>, SubmissionValidator>();
        services.AddSingleton<RecommendationPreviews>();
        services.AddSingleton<TicketBodyComposer>();
        services.AddScoped<EscalationTickets>();
        services.AddScoped<RecommendationIntake>();
        services.AddScoped<RecommendationQueries>();
        services.AddScoped<RecommendationDecisions>();
        services.AddScoped<ChangeSetService>();
        services.AddScoped<TicketService>();
        services.AddScoped<IDemoDataSeeder, ApprovalsDemoSeeder>();
        return services;
    }

    /// <summary>
    /// The change-target catalogue with the kinds the product ships: streams and codestones. A new kind
    /// is one more <see cref="IChangeTarget"/> registration. The entities' validators are added only
    /// where their own feature has not registered them yet.
    /// </summary>
    public static IServiceCollection AddChangeTargets(this IServiceCollection services)
    {
        services.TryAddSingleton<IValidator<StreamValues>, StreamValuesValidator>();
        services.TryAddSingleton<IValidator<CodestoneValues>, CodestoneValuesValidator>();
        services.AddSingleton<IChangeTarget, StreamChangeTarget>();
        services.AddSingleton<IChangeTarget, CodestoneChangeTarget>();
        services.AddSingleton<ChangeTargets>();
        services.AddSingleton<IChangeTargetNouns>(sp => sp.GetRequiredService<ChangeTargets>());
        return services;
    }
}
