using Ava.Dashboard.Security;
using Ava.Domain.Settings;
using MudBlazor;

namespace Ava.Dashboard.Components.Layout;

/// <summary>A count the drawer shows beside a section's title.</summary>
public enum NavBadge
{
    None,

    /// <summary>Pending recommendations, shown to approvers only.</summary>
    PendingApprovals,
}

/// <summary>A navigation entry and the policy a user must meet to see it; a section of a capability leaves the navigation while the capability is switched off.</summary>
public sealed record NavSection(string Title, string Href, string Icon, string Policy, bool FullPageLoad = false, NavBadge Badge = NavBadge.None, Capability? Capability = null);

/// <summary>The sections of the dashboard. The drawer shows each one only to users its policy admits.</summary>
public static class NavSections
{
    public static IReadOnlyList<NavSection> All { get; } =
    [
        new("Home", "/", Icons.Material.Filled.Dashboard, Policies.ViewDashboards),
        new("Briefings", "/briefings", Icons.Material.Filled.WbSunny, Policies.ViewDashboards, Capability: Capabilities.Briefings),
        new("Streams", "/streams", Icons.Material.Filled.Stream, Policies.ViewStreams),
        new("Codestones", "/codestones", Icons.Material.Filled.Code, Policies.ViewCodestones),
        new("Approvals", "/approvals", Icons.Material.Filled.FactCheck, Policies.ViewApprovals, Badge: NavBadge.PendingApprovals),
        new("Changesets", "/changesets", Icons.Material.Filled.History, Policies.ViewApprovals),
        new("Tickets", "/tickets", Icons.Material.Filled.SupportAgent, Policies.ApproveAiRecommendations),
        new("Prompts", "/prompts", Icons.Material.Filled.Psychology, Policies.RunAiPrompts, Capability: Capabilities.AiFeatures),
        new("Workflows", "/workflows", Icons.Material.Filled.AccountTree, Policies.ViewExecutionQueue),
        new("Execution", "/execution", Icons.Material.Filled.Terminal, Policies.ViewExecutionQueue, Capability: Capabilities.CommandExecution),
        new("Health", "/health", Icons.Material.Filled.MonitorHeart, Policies.ViewDashboards),
        new("Audit log", "/audit", Icons.Material.Filled.Policy, Policies.ViewLogs),
        new("Users", "/admin/users", Icons.Material.Filled.People, Policies.ManageUsers),
        new("Settings", "/admin/settings", Icons.Material.Filled.Settings, Policies.ModifySchemas),
        new("Jobs (Hangfire)", "/jobs", Icons.Material.Filled.Work, Policies.JobsDashboard, FullPageLoad: true),
    ];
}
