using Ava.Domain.Recommendations;

namespace Ava.Infrastructure.ChangeSets;

/// <summary>The entity kinds recommendations may change, by type and by API name.</summary>
public sealed class ChangeTargets(IEnumerable<IChangeTarget> targets)
{
    private readonly Dictionary<ChangeTargetType, IChangeTarget> _byType = targets.ToDictionary(t => t.Type);

    public IChangeTarget For(ChangeTargetType type) => _byType[type];

    /// <summary>The API names of the types, lower case: "stream", "codestone".</summary>
    public IReadOnlyList<string> Names => _byType.Keys.Select(k => k.ToString().ToLowerInvariant()).ToList();

    public ChangeTargetType? Parse(string? name) =>
        name is not null && !int.TryParse(name, out _) && Enum.TryParse<ChangeTargetType>(name.Trim(), ignoreCase: true, out var type) && _byType.ContainsKey(type)
            ? type
            : null;
}
