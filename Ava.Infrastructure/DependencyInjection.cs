using Ava.Domain.Codestones;
using Ava.Domain.Streams;
using Ava.Infrastructure.Alerts;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Tickets;
using Ava.Infrastructure.ApiTokens;
using Ava.Infrastructure.Codestones;
using Ava.Infrastructure.Commands;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Content;
using Ava.Infrastructure.Streams;
using FluentValidation;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Identity;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Workflows;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ava.Infrastructure;

public static class DependencyInjection
{
    public const string QuickHealthTag = "quick";

    /// <summary>Everything below the UI: database, Identity stores, services, workflows. Call after <see cref="SettingsValidator"/> passed.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var workflows = configuration.GetSection(WorkflowOptions.Section).Get<WorkflowOptions>() ?? new WorkflowOptions();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<WorkflowOptions>(configuration.GetSection(WorkflowOptions.Section));
        services.Configure<ApprovalOptions>(configuration.GetSection(ApprovalOptions.Section));
        services.AddSingleton(BootstrapOptions.From(configuration));
        services.AddSingleton(TimeProvider.System);

        services.AddAvaDatabase(database, connectionString, contentRoot);
        services.AddAvaIdentity();
        services.AddDataProtection()
            .SetApplicationName("Ava.Dashboard")
            .PersistKeysToDbContext<AvaDbContext>();

        services.AddHealthChecks()
            .AddDbContextCheck<AvaDbContext>("database", HealthStatus.Unhealthy, [QuickHealthTag]);

        services.AddWorkflows(database, connectionString, workflows);
        services.AddCommands(configuration, contentRoot);

        services.AddSingleton<SecurityAlerts>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<AlertService>();
        services.AddScoped<IUserContext, CallerContext>();
        services.AddScoped<PermissionGuard>();
        services.AddScoped<AccountAuditor>();
        services.AddScoped<IDemoDataSeeder, AuditDemoSeeder>();
        services.AddScoped<IDemoDataSeeder, StreamsDemoSeeder>();
        services.AddScoped<IDemoDataSeeder, ApprovalsDemoSeeder>();
        services.AddScoped<VersionedWriter>();
        services.AddScoped<StreamService>();
        services.AddScoped<CodestoneService>();
        services.AddScoped<ApiTokenService>();
        services.AddSingleton<IValidator<NewApiToken>, NewApiTokenValidator>();
        services.AddSingleton<IValidator<StreamValues>, StreamValuesValidator>();
        services.AddSingleton<IValidator<CodestoneValues>, CodestoneValuesValidator>();
        services.AddSingleton<IChangeTarget, StreamChangeTarget>();
        services.AddSingleton<IChangeTarget, CodestoneChangeTarget>();
        services.AddSingleton<ChangeTargets>();
        services.AddSingleton<ApprovalActivity>();
        services.AddScoped<RecommendationService>();
        services.AddScoped<ChangeSetService>();
        services.AddScoped<TicketService>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<CodeHighlighter>();
        services.AddScoped<UserAdministrationService>();
        services.AddScoped<UserPreferencesService>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    private static void AddAvaIdentity(this IServiceCollection services)
    {
        services.AddIdentityCore<AvaUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AvaDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AvaClaimsPrincipalFactory>()
            .AddPasswordValidator<PasswordNotEmailValidator>();
    }
}
