using System.Globalization;
using Ava.Domain.Common;
using Ava.Domain.Recommendations;

namespace Ava.Infrastructure.ChangeSets;

/// <summary>
/// The catalogue of the entity kinds recommendations may change: every registered
/// <see cref="IChangeTarget"/>, found by type or by API name, with its noun and its page. Nothing
/// else in the product names the kinds; a kind registered here is offered everywhere.
/// </summary>
public sealed class ChangeTargets : IChangeTargetNouns
{
    private readonly Dictionary<ChangeTargetType, IChangeTarget> _byType = [];

    public ChangeTargets(IEnumerable<IChangeTarget> targets)
    {
        foreach (var target in targets)
        {
            if (!_byType.TryAdd(target.Type, target))
            {
                throw new InvalidOperationException($"Two change targets are registered for '{target.Type}'.");
            }
        }

        All = [.. _byType.Values];
    }

    /// <summary>Every kind, in registration order.</summary>
    public IReadOnlyList<IChangeTarget> All { get; }

    /// <summary>The API names of the kinds: "stream", "codestone".</summary>
    public IReadOnlyList<string> Names => All.Select(t => t.Type.Name).ToList();

    public IChangeTarget For(ChangeTargetType type) =>
        _byType.GetValueOrDefault(type) ?? throw new DomainException($"Recommendations cannot change '{type}': no change target of that type is registered.");

    /// <summary>The kind with API name <paramref name="name"/> (any case), or null when there is none.</summary>
    public IChangeTarget? Find(string? name) =>
        ChangeTargetType.TryParse(name, out var type) ? _byType.GetValueOrDefault(type) : null;

    /// <summary>The kind's noun; a type no target is registered for any more (a stored record of a removed kind) is called by its name.</summary>
    public ChangeTargetNoun NounOf(ChangeTargetType type) =>
        _byType.GetValueOrDefault(type)?.Noun ?? new ChangeTargetNoun(type.Name, type.Name);

    /// <summary>The dashboard page of entity <paramref name="id"/>, or null when the kind is not registered.</summary>
    public string? PathOf(ChangeTargetType type, long id) =>
        _byType.GetValueOrDefault(type)?.Route.Replace("{id}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
