using System.Text.Json;

namespace Ava.Infrastructure.ChangeSets;

/// <summary>
/// The state of one entity as a changeset records it: every field as text, by its API name, in a
/// fixed order. This view reads the fields of any record; <see cref="EntitySnapshot{TMeta}"/> adds
/// the typed bookkeeping its change target needs to restore a deleted entity exactly.
/// </summary>
public record EntitySnapshot(long Id, IReadOnlyDictionary<string, string?> Fields)
{
    /// <summary>Snake case for the bookkeeping's property names ("created_at"); field names are dictionary keys and stay as written.</summary>
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The fields of a recorded state; null for the missing side of a create or a delete.</summary>
    public static EntitySnapshot? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<EntitySnapshot>(json, Json);

    /// <summary>The fields section alone, serialized: what "byte-identical state" compares.</summary>
    public string FieldsJson() => JsonSerializer.Serialize(Fields, Json);
}

/// <summary>A recorded state with its target's bookkeeping (<typeparamref name="TMeta"/>: who created it and when, and so on).</summary>
public sealed record EntitySnapshot<TMeta>(long Id, IReadOnlyDictionary<string, string?> Fields, TMeta Meta) : EntitySnapshot(Id, Fields)
{
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static new EntitySnapshot<TMeta>? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<EntitySnapshot<TMeta>>(json, Json);
}

/// <summary>A field a rollback would restore that someone changed after the changeset wrote it.</summary>
public sealed record RollbackConflict(string Entity, long EntityId, string Field, string? ValueNow, string? ValueWritten);

/// <summary>One field of a preview: what it holds now and what approval would set.</summary>
public sealed record FieldPreview(string Field, string? Current, string? Proposed, bool IsLongText)
{
    public bool Changes => !string.Equals(Current, Proposed, StringComparison.Ordinal);
}
