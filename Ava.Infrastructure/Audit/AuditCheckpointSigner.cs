using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ava.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Audit;

/// <summary>What a checkpoint event carries: the event it anchors, that event's hash, and the signature over both.</summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, string KeyId, string Signature)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AuditCheckpoint? Parse(string? metadata)
    {
        if (string.IsNullOrEmpty(metadata))
        {
            return null;
        }

        try
        {
            var checkpoint = JsonSerializer.Deserialize<AuditCheckpoint>(metadata, Json);
            return checkpoint is { Hash: not null, KeyId: not null, Signature: not null } ? checkpoint : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Signs and checks checkpoints with <see cref="AuditOptions.CheckpointKey"/> (HMAC-SHA256 over the
/// anchored event's sequence and hash). The key id is a short digest of the key, so a checkpoint
/// signed with another key is told apart from a forged one.
/// </summary>
public sealed class AuditCheckpointSigner
{
    private readonly byte[]? _key;

    public AuditCheckpointSigner(IOptions<AuditOptions> options)
    {
        var key = options.Value.CheckpointKey;
        if (!string.IsNullOrEmpty(key))
        {
            _key = Encoding.UTF8.GetBytes(key);
            KeyId = Convert.ToHexStringLower(SHA256.HashData(_key))[..12];
        }
    }

    public bool IsEnabled => _key is not null;

    public string? KeyId { get; }

    public AuditCheckpoint Sign(long sequence, string hash)
    {
        if (_key is null)
        {
            throw new InvalidOperationException("Audit:CheckpointKey is not set; checkpoints cannot be signed.");
        }

        return new AuditCheckpoint(sequence, hash, KeyId!, Compute(_key, sequence, hash));
    }

    public bool IsValid(AuditCheckpoint checkpoint) =>
        _key is not null
        && checkpoint.KeyId == KeyId
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(_key, checkpoint.Sequence, checkpoint.Hash)),
            Encoding.ASCII.GetBytes(checkpoint.Signature));

    private static string Compute(byte[] key, long sequence, string hash) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{sequence}|{hash}")));
}
