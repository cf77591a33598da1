using Ava.Dashboard.Security;
using MudBlazor;

namespace Ava.Dashboard.Components.Layout;

/// <summary>A navigation entry and the policy a user must meet to see it.</summary>
public sealed record NavSection(string Title, string Href, string Icon, string Policy, bool FullPageLoad = false);

/// <summary>The sections of the dashboard. The drawer shows each one only to users its policy admits.</summary>
public static class NavSections
{
    public static IReadOnlyList<NavSection> All { get; } =
    [
        new("Home", "/", Icons.Material.Filled.Dashboard, Policies.ViewDashboards),
        new("Streams", "/streams", Icons.Material.Filled.Stream, Policies.ViewStreams),
        new("Codestones", "/codestones", Icons.Material.Filled.Code, Policies.ViewCodestones),
        new("Workflows", "/workflows", Icons.Material.Filled.AccountTree, Policies.ViewExecutionQueue),
        new("Audit log", "/audit", Icons.Material.Filled.Policy, Policies.ViewLogs),
        new("Users", "/admin/users", Icons.Material.Filled.People, Policies.ManageUsers),
        new("Jobs (Hangfire)", "/jobs", Icons.Material.Filled.Work, Policies.JobsDashboard, FullPageLoad: true),
    ];
}
