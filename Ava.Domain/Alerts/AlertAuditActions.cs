using Ava.Domain.Audit;

namespace Ava.Domain.Alerts;

[AuditActionSet("Alerts")]
public static class AlertAuditActions
{
    public const string Acknowledged = "alert.acknowledged";

    /// <summary>A rule held for a subject with no active alert: a new alert.</summary>
    public const string Raised = "alert.raised";

    /// <summary>The condition of an active alert cleared.</summary>
    public const string Resolved = "alert.resolved";

    /// <summary>Someone silenced a rule and subject until a time.</summary>
    public const string Silenced = "alert.silenced";
}
