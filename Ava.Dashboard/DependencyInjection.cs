using Ava.Dashboard.Api;
using Ava.Dashboard.Components.Account;
using Ava.Dashboard.Components.Shared.Labels;
using Ava.Dashboard.Hosting;
using Ava.Dashboard.Security;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace Ava.Dashboard;

public static class DependencyInjection
{
    /// <summary>Signed-in sessions slide for 8 hours of activity and end 12 hours after sign-in regardless.</summary>
    public static readonly TimeSpan SlidingSession = TimeSpan.FromHours(8);
    public static readonly TimeSpan AbsoluteSession = TimeSpan.FromHours(12);

    /// <summary>How soon a locked, deleted or changed user loses an existing session.</summary>
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromMinutes(1);

    private const string SignedInAtItem = "ava.signed_in_at";

    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSingleton<FirstPaintStyles>();
        services.AddSingleton<Ava.Dashboard.Components.Layout.ThemeStyles>();
        services.AddHttpContextAccessor();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<NewApiTokenCookie>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddSingleton<TargetLabels>();
        services.AddScoped<CircuitScope>();
        services.AddScoped<CircuitSession>();
        services.AddScoped<CircuitHandler, CircuitLogContext>();
        services.AddScoped<IInteractiveUserContext, UserContext>();
        services.AddScoped<IAuditActorAccessor, AuditActorAccessor>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        services.AddMemoryCache();
        services.AddOptions<ClientThrottleOptions>().BindConfiguration(ClientThrottleOptions.Section);
        services.AddSingleton<RefusedRequestThrottle>();
        services.AddSingleton<SignInThrottle>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = RevalidationInterval);
        services.ConfigureApplicationCookie(options =>
        {
            ConfigureSessionCookie(options);

            // Outside Development the session cookie is sent over HTTPS only (behind a proxy, as the client saw it).
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.AddReverseProxySupport(configuration);
        services.AddPermissionPolicies();
        services.AddDashboardApi();
        services.AddHostSettingGroups();
        return services;
    }

    private static void ConfigureSessionCookie(CookieAuthenticationOptions options)
    {
        options.LoginPath = "/Account/Login";
        options.LogoutPath = "/Account/Logout";
        options.AccessDeniedPath = "/Account/AccessDenied";
        options.ExpireTimeSpan = SlidingSession;
        options.SlidingExpiration = true;
        options.Cookie.Name = "Ava.Session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;

        options.Events.OnSigningIn = context =>
        {
            // A refresh keeps the original sign-in time; only a new sign-in sets it.
            var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
            context.Properties.Items.TryAdd(SignedInAtItem, now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));

            // The same time as a claim, so an open circuit can end the session on time too (CircuitSession).
            if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity)
            {
                foreach (var stale in identity.FindAll(CircuitSession.SignedInAtClaim).ToList())
                {
                    identity.RemoveClaim(stale);
                }

                identity.AddClaim(new System.Security.Claims.Claim(CircuitSession.SignedInAtClaim, context.Properties.Items[SignedInAtItem]!));
            }

            return Task.CompletedTask;
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            if (context.Properties.Items.TryGetValue(SignedInAtItem, out var ticksText) &&
                long.TryParse(ticksText, System.Globalization.CultureInfo.InvariantCulture, out var ticks) &&
                (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero) > AbsoluteSession)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            await SecurityStampValidator.ValidatePrincipalAsync(context);
        };

        // The API answers with status codes (it takes tokens, not this cookie); pages redirect to sign-in.
        options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (ApiPaths.IsApi(context.Request.Path))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
