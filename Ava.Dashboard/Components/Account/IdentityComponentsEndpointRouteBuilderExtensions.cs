using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Ava.Dashboard.Components.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>The endpoint the static Identity pages post to that is not itself a page: sign-out.</summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            HttpContext context,
            [FromServices] SignInManager<AvaUser> signInManager,
            [FromServices] AccountAuditor auditor,
            [FromForm] string? returnUrl) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                await auditor.RecordAsync(new AuditEntry(AccountAuditActions.SignOut, "account", true));
            }

            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login?signedOut=1");
        }).AllowAnonymous();

        return accountGroup;
    }
}
