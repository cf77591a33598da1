using Ava.Domain.Security;
using Ava.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;

namespace Ava.Dashboard.Security;

/// <summary>Met when one of the user's roles holds the permission in the permission table.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Met by the approve_ai_recommendations capability (Admin role or the approver claim).</summary>
public sealed record ApproverRequirement : IAuthorizationRequirement;

internal sealed class PermissionAuthorizationHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            var met = requirement switch
            {
                PermissionRequirement permission => context.User.HasPermission(permission.Permission),
                ApproverRequirement => context.User.ApprovalGrant().IsGranted,
                _ => false,
            };
            if (met)
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }
}

internal static class AuthorizationSetup
{
    public static IServiceCollection AddPermissionPolicies(this IServiceCollection services)
    {
        var builder = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.ApproveAiRecommendations, p => p.RequireAuthenticatedUser().AddRequirements(new ApproverRequirement()))
            .AddPolicy(Policies.JobsDashboard, p => p.RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(Permissions.ViewLogs), new PermissionRequirement(Permissions.ExecuteCommands)))
            .AddPolicy(Policies.ViewApprovals, p => p.RequireAuthenticatedUser().RequireAssertion(context =>
                context.User.HasPermission(Permissions.RunAiPrompts) || context.User.ApprovalGrant().IsGranted));

        foreach (var permission in Permissions.All)
        {
            builder.AddPolicy(Policies.For(permission), p => p.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
        }

        services.AddSingleton<IAuthorizationHandler, PermissionAuthorizationHandler>();
        return services;
    }
}
