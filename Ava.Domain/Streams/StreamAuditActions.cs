using Ava.Domain.Audit;

namespace Ava.Domain.Streams;

[AuditActionSet("Streams")]
public static class StreamAuditActions
{
    public const string Created = "stream.created";
    public const string Updated = "stream.updated";
    public const string Archived = "stream.archived";
    public const string Unarchived = "stream.unarchived";
    public const string Deleted = "stream.deleted";
}
