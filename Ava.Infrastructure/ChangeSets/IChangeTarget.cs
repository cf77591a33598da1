using Ava.Domain.ChangeSets;
using Ava.Domain.Recommendations;
using Ava.Infrastructure.Persistence;

namespace Ava.Infrastructure.ChangeSets;

/// <summary>The current state of a target, for previews and submission checks.</summary>
public sealed record TargetState(EntitySnapshot Snapshot, string Title, Guid Version, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>
/// One kind of entity recommendations may change: what it is called, where its page is, which of its
/// fields an assistant may set, and how a change to it is previewed, applied and rolled back. Every
/// write goes through the entity's own validator and intent methods, exactly like a manual edit.
/// Register an implementation as <c>IChangeTarget</c> and the catalogue (<see cref="ChangeTargets"/>)
/// offers it to submissions, previews, approvals, rollbacks, labels and links.
/// </summary>
public interface IChangeTarget
{
    ChangeTargetType Type { get; }

    /// <summary>What people call one and several of it, lower case: "stream", "streams".</summary>
    ChangeTargetNoun Noun { get; }

    /// <summary>The dashboard page of one entity, with <c>{id}</c> where its id goes: <c>/streams/{id}</c>.</summary>
    string Route { get; }

    /// <summary>The field that names an entity of this kind (its title), by API name.</summary>
    string TitleField { get; }

    /// <summary>The fields an assistant may change (the allow-list of specification §3), by API name.</summary>
    IReadOnlyList<string> ChangeableFields { get; }

    /// <summary>The API name of <paramref name="field"/> (any case, with or without underscores), or null when the entity has no such field.</summary>
    string? Canonical(string field);

    /// <summary>Why <paramref name="value"/> cannot be read as <paramref name="field"/>, or null when it can.</summary>
    string? CheckValue(string field, string? value);

    bool IsLongText(string field);

    Task<TargetState?> FindAsync(AvaDbContext db, long id, CancellationToken cancellationToken);

    /// <summary>Current → proposed for each field of the change, the validator's messages for the result, and the target's current state (none for a create or a missing target).</summary>
    Task<(IReadOnlyList<FieldPreview> Fields, IReadOnlyList<string> Problems, TargetState? Current)> PreviewAsync(
        AvaDbContext db, ProposedChange change, CancellationToken cancellationToken);

    /// <summary>
    /// What the entity's own rules (the validator of a manual edit) say about the values a create or an
    /// update would leave, by the API name of the field each message is about; empty when they pass.
    /// </summary>
    Task<IReadOnlyDictionary<string, string[]>> CheckProposalAsync(AvaDbContext db, ProposedChange change, CancellationToken cancellationToken);

    /// <summary>Applies one change and saves it inside the caller's transaction; returns its record.</summary>
    Task<AiChangeRecord> ApplyAsync(AvaDbContext db, ProposedChange change, int order, string by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The fields a rollback of <paramref name="record"/> would overwrite that no longer hold what the changeset wrote.</summary>
    Task<IReadOnlyList<RollbackConflict>> FindConflictsAsync(AvaDbContext db, AiChangeRecord record, CancellationToken cancellationToken);

    /// <summary>Restores the before-state of <paramref name="record"/> inside the caller's transaction.</summary>
    Task RevertAsync(AvaDbContext db, AiChangeRecord record, string by, DateTimeOffset at, CancellationToken cancellationToken);
}
