namespace Ava.Infrastructure.Approvals;

/// <summary>How the audit log names a recommendation.</summary>
internal static class AuditResources
{
    public static string Recommendation(long id) => $"recommendation/{id}";
}
