namespace Ava.Infrastructure.Configuration;

/// <summary>The <c>Audit</c> section: anchoring the audit chain with signed checkpoints.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The smallest checkpoint key accepted, in characters.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>
    /// The secret that signs checkpoints of the chain's head (HMAC-SHA256). It never lives in the
    /// database, so someone who can rewrite the audit table cannot sign a rewritten chain. Empty:
    /// no checkpoints are written and verification says so.
    /// </summary>
    public string? CheckpointKey { get; set; }

    public bool CheckpointsEnabled => !string.IsNullOrEmpty(CheckpointKey);
}
