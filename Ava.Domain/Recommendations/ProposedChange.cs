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
    public string Describe() => Operation switch
    {
        ChangeOperation.Create => $"new {RecommendationLabels.Of(TargetType).ToLowerInvariant()}",
        _ => $"{RecommendationLabels.Of(TargetType).ToLowerInvariant()} #{TargetId}",
    };
}
