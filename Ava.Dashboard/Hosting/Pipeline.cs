using Ava.Dashboard.Api;
using Ava.Dashboard.Components;
using Ava.Dashboard.Components.Account;
using Ava.Dashboard.Features.Audit;
using Ava.Dashboard.Security;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog;

namespace Ava.Dashboard.Hosting;

internal static class Pipeline
{
    public const string JobsPath = "/jobs";

    public static WebApplication UseDashboardPipeline(this WebApplication app)
    {
        // First: everything after it sees the client's address and scheme, as the trusted proxy reported them.
        app.UseForwardedHeaders();
        app.UseRequestTally();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseSecurityHeaders(JobsPath);
        app.UseRequestLogContext();
        app.UseSerilogRequestLogging(options =>
        {
            // The path only: a query string can carry tokens.
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.EnrichDiagnosticContext = (diagnostics, http) =>
                diagnostics.Set("ClientIp", http.Connection.RemoteIpAddress?.ToString());
        });
        // Before authentication and the audit trail: an address that keeps being refused is answered 429 unseen.
        app.UseRefusedRequestThrottle();
        app.UseWhen(context => !ApiPaths.IsApi(context.Request.Path), pages =>
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseApiErrors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMustChangePassword();
        app.UseOperationsGates();

        // After authorization: the API's rate limits are per token, and the token is known only now.
        app.UseRateLimiter();
        app.UseApiCaller();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapDashboardEndpoints(this WebApplication app)
    {
        // The fallback policy requires a signed-in user; the sign-in page needs its styles and scripts before that.
        app.MapStaticAssets().AllowAnonymous();
        app.MapGet(FirstPaintStyles.Path, (HttpContext context, FirstPaintStyles styles) => styles.WriteAsync(context))
            .AllowAnonymous().ExcludeFromDescription().DisableHttpMetrics();
        app.MapHealthChecks("/health/quick", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ava.Infrastructure.DependencyInjection.QuickHealthTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            // 503 with an empty body is the answer a load balancer reads; the error pages must not turn it into a redirect.
            ResponseWriter = (context, _) =>
            {
                if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusCodePages)
                {
                    statusCodePages.Enabled = false;
                }

                return Task.CompletedTask;
            },
        }).AllowAnonymous().DisableHttpMetrics();

        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapAuditExport();
        app.MapApi();
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.JobsDashboard, JobsPath, new DashboardOptions
        {
            DashboardTitle = "Ava Prime jobs",
            AppPath = "/",
            Authorization = [],
            AsyncAuthorization = [],
            DisplayStorageConnectionString = false,
        }, app.Services.GetRequiredService<JobStorage>());
        return app;
    }
}
