using Ava.Domain.Audit;

namespace Ava.Domain.Alerts;

[AuditActionSet("Alerts")]
public static class AlertAuditActions
{
    public const string Acknowledged = "alert.acknowledged";
}
