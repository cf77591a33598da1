namespace Ava.Domain.Audit;

/// <summary>
/// One security-relevant event. Append-only: created once by the audit trail, never changed.
/// <see cref="Hash"/> covers the event's canonical content and <see cref="PreviousHash"/>, so an
/// edited or deleted event breaks the chain from that point on.
/// </summary>
public sealed class AuditEvent
{
    public const int MaxActionLength = 100;
    public const int MaxResourceLength = 400;
    public const int MaxErrorLength = 2000;
    public const int MaxUserNameLength = 256;

    /// <summary>The hash a chain's first event points back to.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private AuditEvent()
    {
    }

    internal AuditEvent(long sequence, DateTimeOffset timestamp, AuditEntry entry, AuditActor actor, string previousHash)
    {
        Sequence = sequence;
        Timestamp = timestamp;
        CorrelationId = actor.CorrelationId;
        UserId = actor.UserId;
        UserName = Truncate(actor.UserName, MaxUserNameLength)!;
        ClientIp = actor.ClientIp;
        Action = Truncate(entry.Action, MaxActionLength)!;
        Resource = Truncate(entry.Resource, MaxResourceLength)!;
        Success = entry.Success;
        Error = Truncate(entry.Error, MaxErrorLength);
        Metadata = entry.Metadata;
        PreviousHash = previousHash;
        Hash = AuditHash.Compute(this);
    }

    public long Id { get; private set; }

    /// <summary>Position in the chain: 1, 2, 3 … with no gaps.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset Timestamp { get; private set; }

    public string? CorrelationId { get; private set; }

    public string? UserId { get; private set; }

    public string UserName { get; private set; } = "";

    public string Action { get; private set; } = "";

    public string Resource { get; private set; } = "";

    public bool Success { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Metadata as a JSON object (or null).</summary>
    public string? Metadata { get; private set; }

    public string? ClientIp { get; private set; }

    public string PreviousHash { get; private set; } = "";

    public string Hash { get; private set; } = "";

    /// <summary>Appends the next event after <paramref name="previous"/> (null for the first one).</summary>
    public static AuditEvent Next(ChainTail? previous, DateTimeOffset timestamp, AuditEntry entry, AuditActor actor) =>
        new((previous?.Sequence ?? 0) + 1, timestamp.ToUniversalTime(), entry, actor, previous?.Hash ?? GenesisHash);

    private static string? Truncate(string? value, int max) =>
        value is null || value.Length <= max ? value : value[..max];
}

/// <summary>The last event of the chain: what the next one links to.</summary>
public sealed record ChainTail(long Sequence, string Hash);

/// <summary>What a feature says happened.</summary>
public sealed record AuditEntry(string Action, string Resource, bool Success, string? Error = null, string? Metadata = null);

/// <summary>Who did it, from where, in which request.</summary>
public sealed record AuditActor(string? UserId, string UserName, string? ClientIp, string? CorrelationId)
{
    public static AuditActor System(string? correlationId = null) => new(null, "system", null, correlationId);
}
