using System.Text.Json;

namespace Ava.Infrastructure.ChangeSets;

/// <summary>
/// The full state of one entity as a changeset records it: every field (as text, by its API
/// name, in a fixed order) and the bookkeeping needed to restore a deleted entity exactly.
/// </summary>
public sealed record EntitySnapshot(long Id, IReadOnlyDictionary<string, string?> Fields, IReadOnlyDictionary<string, string?> Meta)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static EntitySnapshot? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<EntitySnapshot>(json, Json);

    /// <summary>The fields section alone, serialized: what "byte-identical state" compares.</summary>
    public string FieldsJson() => JsonSerializer.Serialize(Fields, Json);
}

/// <summary>A field a rollback would restore that someone changed after the changeset wrote it.</summary>
public sealed record RollbackConflict(string Entity, long EntityId, string Field, string? ValueNow, string? ValueWritten);

/// <summary>One field of a preview: what it holds now and what approval would set.</summary>
public sealed record FieldPreview(string Field, string? Current, string? Proposed, bool IsLongText)
{
    public bool Changes => !string.Equals(Current, Proposed, StringComparison.Ordinal);
}
