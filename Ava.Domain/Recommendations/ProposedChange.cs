namespace Ava.Domain.Recommendations;

/// <summary>One field a recommendation sets, by its API name, with the value as text (tags comma-separated).</summary>
public sealed record FieldChange(string Field, string? Value);

/// <summary>
/// What a recommendation does to one entity: create it (no id), update some of its fields, or
/// delete it. <see cref="TargetVersion"/> is the entity's version when the recommendation was
/// submitted, so the preview can say when the target changed since.
/// </summary>
public sealed record ProposedChange(
    ChangeTargetType TargetType,
    long? TargetId,
    ChangeOperation Operation,
    IReadOnlyList<FieldChange> Fields,
    Guid? TargetVersion = null,
    string? TargetTitle = null)
{
    /// <summary>The target in words when it has no title: "new stream", "stream #12".</summary>
    public string Describe(ChangeTargetNoun noun) => Operation switch
    {
        ChangeOperation.Create => $"new {noun.Singular}",
        _ => $"{noun.Singular} #{TargetId}",
    };
}
