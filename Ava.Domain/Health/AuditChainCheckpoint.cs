namespace Ava.Domain.Health;

/// <summary>
/// How far the audit chain has been verified by the health check: the last verified event's sequence and
/// hash. The next check starts from here, so it stays cheap however long the chain grows.
/// </summary>
public sealed class AuditChainCheckpoint
{
    /// <summary>There is one checkpoint.</summary>
    public const int SingleId = 1;

    private AuditChainCheckpoint()
    {
    }

    public AuditChainCheckpoint(long sequence, string hash, DateTimeOffset verifiedAt)
    {
        Id = SingleId;
        Sequence = sequence;
        Hash = hash;
        VerifiedAt = verifiedAt;
    }

    public int Id { get; private set; }

    public long Sequence { get; private set; }

    public string Hash { get; private set; } = "";

    public DateTimeOffset VerifiedAt { get; private set; }

    public void Advance(long sequence, string hash, DateTimeOffset at)
    {
        if (sequence < Sequence)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), "The checkpoint only moves forward.");
        }

        Sequence = sequence;
        Hash = hash;
        VerifiedAt = at;
    }
}
