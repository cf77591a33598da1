using Ava.Domain.Recommendations;
using Ava.Infrastructure.ChangeSets;

namespace Ava.Dashboard.Components.Shared.Labels;

/// <summary>
/// How change-target kinds read on screen and where their links go, from the change-target catalogue:
/// a kind registered there is named and linked everywhere without a change here.
/// </summary>
public sealed class TargetLabels(ChangeTargets catalogue)
{
    /// <summary>Every kind recommendations may change, for the type filters.</summary>
    public IReadOnlyList<ChangeTargetType> Types { get; } = catalogue.All.Select(t => t.Type).ToList();

    /// <summary>The kind as a heading or a column shows it: "Stream".</summary>
    public string Of(ChangeTargetType type) => catalogue.NounOf(type).SentenceCase;

    /// <summary>The kind inside a sentence: "stream".</summary>
    public string NounOf(ChangeTargetType type) => catalogue.NounOf(type).Singular;

    /// <summary>The page of entity <paramref name="id"/>, or null when no page of its kind is known.</summary>
    public string? Href(ChangeTargetType type, long id) => catalogue.PathOf(type, id);

    /// <summary>A change's target in words when it has no title: "new stream", "stream #12".</summary>
    public string Describe(ProposedChange change) => change.Describe(catalogue.NounOf(change.TargetType));
}
