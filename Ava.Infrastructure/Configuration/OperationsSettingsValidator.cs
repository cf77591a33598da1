using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Ava.Infrastructure.Configuration;

/// <summary>The <c>Health</c>, <c>Alerts</c>, <c>Maintenance</c> and <c>Integrations</c> sections' checks for start-up; each message names the setting, never a secret's value.</summary>
public static class OperationsSettingsValidator
{
    public static IReadOnlyList<string> Validate(IConfiguration configuration)
    {
        var errors = new List<string>();
        var health = HealthOptions.Section;
        CheckInt(configuration, $"{health}:HistoryDays", 1, 90, errors);
        CheckInt(configuration, $"{health}:StaleAfterMinutes", 1, 1440, errors);
        var degraded = CheckInt(configuration, $"{health}:DiskDegradedBelowMegabytes", 0, 10_000_000, errors);
        var unhealthy = CheckInt(configuration, $"{health}:DiskUnhealthyBelowMegabytes", 0, 10_000_000, errors);
        var defaults = new HealthOptions();
        if ((unhealthy ?? defaults.DiskUnhealthyBelowMegabytes) > (degraded ?? defaults.DiskDegradedBelowMegabytes))
        {
            errors.Add($"{health}:DiskUnhealthyBelowMegabytes ({unhealthy ?? defaults.DiskUnhealthyBelowMegabytes}) must not be above {health}:DiskDegradedBelowMegabytes ({degraded ?? defaults.DiskDegradedBelowMegabytes}).");
        }

        CheckInt(configuration, $"{health}:FailedJobsDegradedAt", 1, 1_000_000, errors);
        CheckInt(configuration, $"{health}:AuditChainBatch", 1_000, 100_000_000, errors);

        var alerts = AlertOptions.Section;
        var percent = configuration[$"{alerts}:ErrorRatePercent"];
        if (percent is not null && (!double.TryParse(percent, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || p is <= 0 or > 100))
        {
            errors.Add($"{alerts}:ErrorRatePercent '{percent}' must be a number above 0 and at most 100.");
        }

        CheckInt(configuration, $"{alerts}:ErrorRateMinimumRequests", 1, 1_000_000, errors);
        CheckInt(configuration, $"{alerts}:WorkflowRunningHours", 1, 720, errors);
        CheckInt(configuration, $"{alerts}:FailedChangeSetsThreshold", 1, 10_000, errors);
        CheckInt(configuration, $"{alerts}:FailedChangeSetsWindowHours", 1, 168, errors);
        CheckInt(configuration, $"{alerts}:SecurityViolationThreshold", 1, 10_000, errors);
        CheckInt(configuration, $"{alerts}:SecurityViolationWindowMinutes", 1, 1440, errors);
        CheckInt(configuration, $"{alerts}:HealthDegradedMinutes", 1, 1440, errors);
        CheckInt(configuration, $"{alerts}:WebhookTimeoutSeconds", 1, 120, errors);
        CheckUrl(configuration, $"{alerts}:WebhookUrl", showValue: false, errors);

        CheckInt(configuration, $"{MaintenanceOptions.Section}:RetryAfterSeconds", 1, 86_400, errors);
        CheckInt(configuration, $"{MaintenanceOptions.Section}:RefreshSeconds", 1, 300, errors);

        CheckUrl(configuration, $"{IntegrationsOptions.Section}:GitHub:ApiUrl", showValue: true, errors);
        CheckUrl(configuration, $"{IntegrationsOptions.Section}:Notion:ApiUrl", showValue: true, errors);
        return errors;
    }

    private static int? CheckInt(IConfiguration configuration, string key, int min, int max, List<string> errors)
    {
        var value = configuration[key];
        if (value is null)
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            errors.Add($"{key} '{value}' must be a whole number from {min} to {max}.");
            return null;
        }

        return number;
    }

    /// <summary>An absolute http(s) address without credentials in it; a webhook's address is itself a secret, so it is not repeated.</summary>
    private static void CheckUrl(IConfiguration configuration, string key, bool showValue, List<string> errors)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            errors.Add($"{key}{(showValue ? $" '{value}'" : "")} must be an absolute http:// or https:// address without credentials in it.");
        }
    }
}
