using System.Security.Claims;
using Ava.Dashboard.Components.Shared.Labels;
using Ava.Dashboard.Security;
using Ava.Domain.Security;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.ChangeSets;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Ava.Tests.Components;

/// <summary>
/// The one bUnit context for dashboard components: MudBlazor services, loose JS interop,
/// the real permission policies (not a fake authorization service), and on request the real
/// Infrastructure services over a fresh database.
/// </summary>
public abstract class DashboardTestContext : BunitContext
{
    private ServiceDatabase? _database;
    private AsyncServiceScope? _databaseScope;

    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddPermissionPolicies();
        Services.AddChangeTargets();
        Services.AddSingleton<TargetLabels>();

        // bUnit pre-registers a placeholder that refuses to authorize; these tests want the real evaluation.
        Services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
    }

    /// <summary>
    /// Puts the real approval services over a fresh, migrated SQLite file behind the components, which
    /// render as in a live circuit (they listen for approval activity), with the labels of that database's
    /// change-target catalogue. Call it before the first render; the services act as <see cref="ServiceDatabase.User"/>.
    /// </summary>
    protected async Task<ServiceDatabase> UseDatabaseAsync(Action<IServiceCollection>? configure = null)
    {
        _database = await ServiceDatabase.CreateAsync(configure: configure);
        var scope = _database.Services.CreateAsyncScope();
        _databaseScope = scope;
        Services.AddSingleton(_database.Services.GetRequiredService<Ava.Infrastructure.Common.LiveUpdates>());
        Services.AddSingleton(_database.Services.GetRequiredService<TimeProvider>());
        Services.AddSingleton(_database.Services.GetRequiredService<ChangeTargets>());
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<RecommendationQueries>());
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<RecommendationDecisions>());
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<ChangeSetService>());
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<Ava.Infrastructure.Codestones.CodeReviewQueries>());
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<Ava.Infrastructure.Prompts.PromptService>());
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<Ava.Infrastructure.Prompts.PromptDiffService>());
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<Ava.Infrastructure.Prompts.PromptMetricsQueries>());
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<Ava.Infrastructure.Health.HealthQueries>());
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<Ava.Infrastructure.Metrics.MetricsQueries>());
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<Ava.Infrastructure.Alerts.AlertService>());
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<Ava.Infrastructure.Workflows.WorkflowRunActions>());
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<Ava.Infrastructure.Settings.FeatureFlagService>());
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<Ava.Infrastructure.Settings.MaintenanceService>());
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<Ava.Infrastructure.Settings.ConfigurationStatusService>());
        Services.AddSingleton(_database.Services.GetRequiredService<Ava.Infrastructure.Settings.MaintenanceState>());
        Services.AddSingleton(_database.Services.GetRequiredService<Ava.Infrastructure.Settings.CapabilityGuard>());
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<Ava.Infrastructure.Codestones.CodeReviewService>());
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<Ava.Infrastructure.Briefings.BriefingQueries>());
        Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<Ava.Infrastructure.Briefings.BriefingService>());
        Services.AddSingleton(_database.Services.GetRequiredService<Ava.Infrastructure.Content.MarkdownRenderer>());

        // Last: setting the renderer info builds the container, after which nothing can be added.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return _database;
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_databaseScope is { } scope)
        {
            await scope.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected static ClaimsPrincipal UserInRole(string role, params Claim[] extraClaims)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, $"{role.ToLowerInvariant()}@ava.local"), new(ClaimTypes.Role, role) };
        claims.AddRange(extraClaims);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    protected static ClaimsPrincipal Approver(string role) =>
        UserInRole(role, new Claim(ApproverCapability.ClaimType, ApproverCapability.ClaimValue));

    protected static Task<AuthenticationState> StateOf(ClaimsPrincipal user) => Task.FromResult(new AuthenticationState(user));
}
