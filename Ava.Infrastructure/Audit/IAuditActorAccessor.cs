using Ava.Domain.Audit;

namespace Ava.Infrastructure.Audit;

/// <summary>Who is acting right now, as the audit trail records it (user, client IP, correlation id).</summary>
public interface IAuditActorAccessor
{
    Task<AuditActor> GetActorAsync();
}
