using Ava.Domain.Audit;

namespace Ava.Domain.Settings;

[AuditActionSet("Settings")]
public static class SettingsAuditActions
{
    public const string FeatureSwitchedOn = "feature.switched_on";

    public const string FeatureSwitchedOff = "feature.switched_off";

    public const string MaintenanceStarted = "maintenance.started";

    /// <summary>Ended by someone, or by the system at the expected end.</summary>
    public const string MaintenanceEnded = "maintenance.ended";
}
