using Ava.Infrastructure.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Ava.Dashboard.Security;

/// <summary>
/// A signed-in user refused a page or endpoint by policy is a security violation: record it with
/// the permission that was missing, then answer as usual (redirect or 403).
/// </summary>
internal sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            var trail = context.RequestServices.GetRequiredService<AuditTrail>();
            await trail.RecordViolationAsync(MissingPermission(authorizeResult, policy), $"endpoint:{context.Request.Method} {context.Request.Path}", context.RequestAborted);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    internal static string MissingPermission(PolicyAuthorizationResult result, AuthorizationPolicy policy)
    {
        var failed = result.AuthorizationFailure?.FailedRequirements ?? policy.Requirements;
        var names = failed.Select(r => r switch
        {
            PermissionRequirement permission => permission.Permission,
            ApproverRequirement => Policies.ApproveAiRecommendations,
            _ => null,
        }).OfType<string>().Distinct().ToList();
        return names.Count > 0 ? string.Join("+", names) : "authorization policy";
    }
}
