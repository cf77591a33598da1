using Ava.Infrastructure.Identity;

namespace Ava.Dashboard.Hosting;

/// <summary>A user signed in with a temporary password can reach nothing but the page that replaces it (and sign-out).</summary>
internal static class MustChangePasswordMiddleware
{
    public const string ChangePath = "/Account/ChangeTemporaryPassword";

    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.HasClaim(c => c.Type == AvaClaimTypes.MustChangePassword) && !IsAllowed(context.Request.Path))
            {
                if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/_blazor"))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                context.Response.Redirect(ChangePath);
                return;
            }

            await next();
        });

    private static bool IsAllowed(PathString path) =>
        path.StartsWithSegments(ChangePath) ||
        path.StartsWithSegments("/Account/Logout") ||
        path.StartsWithSegments("/_framework") ||
        path.StartsWithSegments("/_content") ||
        path.StartsWithSegments("/health") ||
        Path.HasExtension(path.Value);
}
