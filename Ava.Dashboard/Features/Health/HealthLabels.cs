using System.Globalization;
using Ava.Domain.Alerts;
using Ava.Domain.Health;
using Ava.Infrastructure.Metrics;
using MudBlazor;

namespace Ava.Dashboard.Features.Health;

/// <summary>How the health page names checks, states, alert rules and metric values.</summary>
public static class HealthLabels
{
    private static readonly Dictionary<string, string> CheckTitles = new(StringComparer.Ordinal)
    {
        ["database"] = "Database",
        ["ai-provider"] = "AI provider",
        ["hangfire"] = "Hangfire",
        ["disk"] = "Disk space",
        ["audit-chain"] = "Audit chain",
        ["stuck-workflows"] = "Stuck workflows",
        ["github"] = "GitHub",
        ["notion"] = "Notion",
        ["alert-webhook"] = "Alert webhook",
    };

    private static readonly Dictionary<string, string> RuleTitles = new(StringComparer.Ordinal)
    {
        [Alert.SecurityViolationsKind] = "Repeated security violations",
        [Alert.WorkflowFailedKind] = "Workflow failed",
        [Alert.ErrorRateKind] = "Error rate",
        [Alert.WorkflowRunningLongKind] = "Workflow running long",
        [Alert.ChangeSetsFailedKind] = "Failed changesets",
        [Alert.HealthDegradedKind] = "Health degraded",
    };

    /// <summary>A check's name as people read it; a check added later shows its own name.</summary>
    public static string Check(string name) => CheckTitles.GetValueOrDefault(name, name);

    public static string Rule(string kind) => RuleTitles.GetValueOrDefault(kind, kind);

    public static string State(HealthState? state) => state switch
    {
        HealthState.Healthy => "Healthy",
        HealthState.Degraded => "Degraded",
        HealthState.Unhealthy => "Unhealthy",
        HealthState.NotConfigured => "Not configured",
        _ => "No samples yet",
    };

    public static Color ColorOf(HealthState? state) => state switch
    {
        HealthState.Healthy => Color.Success,
        HealthState.Degraded => Color.Warning,
        HealthState.Unhealthy => Color.Error,
        _ => Color.Default,
    };

    /// <summary>The fill of a sparkline bar in a state (MudBlazor's palette variables, so dark mode follows).</summary>
    public static string CssColorOf(HealthState? state) => state switch
    {
        HealthState.Healthy => "var(--mud-palette-success)",
        HealthState.Degraded => "var(--mud-palette-warning)",
        HealthState.Unhealthy => "var(--mud-palette-error)",
        _ => "var(--mud-palette-lines-default)",
    };

    public static Color ColorOf(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => Color.Error,
        AlertSeverity.Warning => Color.Warning,
        _ => Color.Info,
    };

    public static string Percent(double? value) =>
        value is { } v ? v.ToString(v is > 0 and < 100 ? "0.0" : "0", CultureInfo.InvariantCulture) + " %" : "—";

    public static string Milliseconds(int? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) + " ms" : "—";

    /// <summary>A metric's value in its unit: "83.3 %", "1,204", "350 ms", "4.2 / 5"; a dash where nothing was measured.</summary>
    public static string Metric(double? value, MetricUnit unit) => value switch
    {
        null => "—",
        { } v => unit switch
        {
            MetricUnit.Percent => Percent(v),
            MetricUnit.Milliseconds => v.ToString("N0", CultureInfo.InvariantCulture) + " ms",
            MetricUnit.Rating => v.ToString("0.0", CultureInfo.InvariantCulture) + " / 5",
            _ => v.ToString("N0", CultureInfo.InvariantCulture),
        },
    };

    public static string Unit(MetricUnit unit) => unit switch
    {
        MetricUnit.Percent => "Percent",
        MetricUnit.Milliseconds => "Milliseconds",
        MetricUnit.Tokens => "Tokens",
        MetricUnit.Rating => "Rating (1–5)",
        _ => "Count",
    };
}
