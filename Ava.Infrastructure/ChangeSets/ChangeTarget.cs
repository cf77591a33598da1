using Ava.Domain.ChangeSets;
using Ava.Domain.Common;
using Ava.Domain.Recommendations;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.ChangeSets;

/// <summary>The current state of a target, for previews and submission checks.</summary>
public sealed record TargetState(EntitySnapshot Snapshot, string Title, Guid Version, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>
/// How recommendations read and write one kind of entity. Every write goes through the entity's
/// own validator and intent methods, exactly like a manual edit.
/// </summary>
public interface IChangeTarget
{
    ChangeTargetType Type { get; }

    /// <summary>The fields an assistant may change (specification §3), by API name.</summary>
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

    /// <summary>Applies one change and saves it inside the caller's transaction; returns its record.</summary>
    Task<AiChangeRecord> ApplyAsync(AvaDbContext db, ProposedChange change, int order, string by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The fields a rollback of <paramref name="record"/> would overwrite that no longer hold what the changeset wrote.</summary>
    Task<IReadOnlyList<RollbackConflict>> FindConflictsAsync(AvaDbContext db, AiChangeRecord record, CancellationToken cancellationToken);

    /// <summary>Restores the before-state of <paramref name="record"/> inside the caller's transaction.</summary>
    Task RevertAsync(AvaDbContext db, AiChangeRecord record, string by, DateTimeOffset at, CancellationToken cancellationToken);
}

internal abstract class ChangeTarget<TEntity, TValues>(IValidator<TValues> validator) : IChangeTarget
    where TEntity : class, IVersioned
{
    private Dictionary<string, FieldDescriptor<TValues>>? _byKey;

    public abstract ChangeTargetType Type { get; }

    public IReadOnlyList<string> ChangeableFields => Fields.Where(f => f.Changeable).Select(f => f.Name).ToList();

    protected abstract IReadOnlyList<FieldDescriptor<TValues>> Fields { get; }

    protected abstract TValues Defaults { get; }

    private string Noun => RecommendationLabels.Of(Type);

    private Dictionary<string, FieldDescriptor<TValues>> ByKey => _byKey ??= Fields.ToDictionary(f => Key(f.Name));

    public string? Canonical(string field) => ByKey.GetValueOrDefault(Key(field))?.Name;

    public string? CheckValue(string field, string? value) => ByKey.GetValueOrDefault(Key(field))?.Check(value);

    public bool IsLongText(string field) => ByKey.GetValueOrDefault(Key(field))?.IsLongText == true;

    public async Task<TargetState?> FindAsync(AvaDbContext db, long id, CancellationToken cancellationToken)
    {
        var entity = await Query(db).AsNoTracking().SingleOrDefaultAsync(e => EF.Property<long>(e, "Id") == id, cancellationToken);
        return entity is null ? null : State(entity);
    }

    public async Task<(IReadOnlyList<FieldPreview> Fields, IReadOnlyList<string> Problems, TargetState? Current)> PreviewAsync(
        AvaDbContext db, ProposedChange change, CancellationToken cancellationToken)
    {
        TValues current;
        TargetState? state = null;
        if (change.Operation == ChangeOperation.Create)
        {
            current = Defaults;
        }
        else
        {
            var entity = await Query(db).AsNoTracking().SingleOrDefaultAsync(e => EF.Property<long>(e, "Id") == change.TargetId, cancellationToken);
            if (entity is null)
            {
                return ([], [$"{Noun} #{change.TargetId} no longer exists."], null);
            }

            current = ValuesOf(entity);
            state = State(entity);
            if (change.Operation == ChangeOperation.Delete)
            {
                return (Fields.Select(f => new FieldPreview(f.Name, f.Read(current), null, f.IsLongText)).ToList(), [], state);
            }
        }

        var proposed = Merge(current, change.Fields);
        var previews = change.Fields
            .Select(c => ByKey[Key(c.Field)])
            .Select(f => new FieldPreview(f.Name, change.Operation == ChangeOperation.Create ? null : f.Read(current), f.Read(proposed), f.IsLongText))
            .ToList();
        var result = await validator.ValidateAsync(proposed, cancellationToken);
        return (previews, result.Errors.Select(e => e.ErrorMessage).Distinct().ToList(), state);
    }

    public async Task<AiChangeRecord> ApplyAsync(AvaDbContext db, ProposedChange change, int order, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        switch (change.Operation)
        {
            case ChangeOperation.Create:
            {
                var values = Merge(Defaults, change.Fields);
                await EnsureValidAsync(values, $"new {Noun.ToLowerInvariant()}", cancellationToken);
                var entity = Create(values, by, at);
                db.Add(entity);
                await db.SaveChangesAsync(cancellationToken);
                var after = Snapshot(entity);
                return new AiChangeRecord(order, Type, after.Id, ChangeOperation.Create, null, after.ToJson(), change.Fields.Select(f => Canonical(f.Field)!).ToList());
            }

            case ChangeOperation.Update:
            {
                var entity = await LoadAsync(db, change.TargetId!.Value, cancellationToken);
                var before = Snapshot(entity);
                var values = Merge(ValuesOf(entity), change.Fields);
                await EnsureValidAsync(values, $"{Noun} #{change.TargetId}", cancellationToken);
                Update(entity, values, by, at);
                await db.SaveChangesAsync(cancellationToken);
                var after = Snapshot(entity);
                var changed = Fields.Select(f => f.Name).Where(n => before.Fields[n] != after.Fields[n]).ToList();
                return new AiChangeRecord(order, Type, before.Id, ChangeOperation.Update, before.ToJson(), after.ToJson(), changed);
            }

            case ChangeOperation.Delete:
            {
                var entity = await LoadAsync(db, change.TargetId!.Value, cancellationToken);
                var before = Snapshot(entity);
                db.Remove(entity);
                await db.SaveChangesAsync(cancellationToken);
                return new AiChangeRecord(order, Type, before.Id, ChangeOperation.Delete, before.ToJson(), null, []);
            }

            default:
                throw new DomainException($"Unknown operation {change.Operation}.");
        }
    }

    public async Task<IReadOnlyList<RollbackConflict>> FindConflictsAsync(AvaDbContext db, AiChangeRecord record, CancellationToken cancellationToken)
    {
        // Tracked: the revert writes this very instance, so its update carries the version checked here and
        // fails if someone saves the entity in between (SQL Server reads without the SQLite write lock).
        var entity = await Query(db).SingleOrDefaultAsync(e => EF.Property<long>(e, "Id") == record.EntityId, cancellationToken);
        var label = $"{Noun} #{record.EntityId}";
        if (record.Operation == ChangeOperation.Delete)
        {
            return entity is null ? [] : [new RollbackConflict(label, record.EntityId, "(entity)", "exists: " + Title(entity), "deleted")];
        }

        if (entity is null)
        {
            return [new RollbackConflict(label, record.EntityId, "(entity)", "deleted", "exists")];
        }

        var now = Snapshot(entity);
        var written = EntitySnapshot.FromJson(record.AfterState)!;
        var fields = record.Operation == ChangeOperation.Create ? Fields.Select(f => f.Name) : record.ChangedFields;
        return fields
            .Where(f => now.Fields.GetValueOrDefault(f) != written.Fields.GetValueOrDefault(f))
            .Select(f => new RollbackConflict(label, record.EntityId, f, now.Fields.GetValueOrDefault(f), written.Fields.GetValueOrDefault(f)))
            .ToList();
    }

    public async Task RevertAsync(AvaDbContext db, AiChangeRecord record, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        switch (record.Operation)
        {
            case ChangeOperation.Create:
                db.Remove(await LoadAsync(db, record.EntityId, cancellationToken));
                await db.SaveChangesAsync(cancellationToken);
                break;

            case ChangeOperation.Update:
            {
                var entity = await LoadAsync(db, record.EntityId, cancellationToken);
                var before = EntitySnapshot.FromJson(record.BeforeState)!;
                var values = Merge(ValuesOf(entity), record.ChangedFields.Select(f => new FieldChange(f, before.Fields.GetValueOrDefault(f))).ToList());
                await EnsureValidAsync(values, $"{Noun} #{record.EntityId}", cancellationToken);
                Update(entity, values, by, at);
                await db.SaveChangesAsync(cancellationToken);
                break;
            }

            case ChangeOperation.Delete:
            {
                var before = EntitySnapshot.FromJson(record.BeforeState)!;
                var values = Merge(Defaults, before.Fields.Select(f => new FieldChange(f.Key, f.Value)).ToList());
                await EnsureValidAsync(values, $"{Noun} #{record.EntityId}", cancellationToken);
                await InsertWithIdAsync(db, Restore(before, values), cancellationToken);
                break;
            }
        }
    }

    protected abstract IQueryable<TEntity> Query(AvaDbContext db);

    /// <summary>The SQL Server statements that allow and end explicit ids in the entity's table.</summary>
    protected abstract (string On, string Off) IdentityInsert { get; }

    protected abstract TValues ValuesOf(TEntity entity);

    protected abstract string Title(TEntity entity);

    protected abstract TEntity Create(TValues values, string by, DateTimeOffset at);

    protected abstract void Update(TEntity entity, TValues values, string by, DateTimeOffset at);

    protected abstract IReadOnlyDictionary<string, string?> Meta(TEntity entity);

    protected abstract TEntity Restore(EntitySnapshot snapshot, TValues values);

    protected abstract (long Id, string UpdatedBy, DateTimeOffset UpdatedAt) Identity(TEntity entity);

    protected EntitySnapshot Snapshot(TEntity entity)
    {
        var values = ValuesOf(entity);
        return new EntitySnapshot(Identity(entity).Id, Fields.ToDictionary(f => f.Name, f => f.Read(values)), Meta(entity));
    }

    private TargetState State(TEntity entity)
    {
        var (_, updatedBy, updatedAt) = Identity(entity);
        return new TargetState(Snapshot(entity), Title(entity), entity.Version, updatedBy, updatedAt);
    }

    private TValues Merge(TValues values, IEnumerable<FieldChange> changes) =>
        changes.Aggregate(values, (current, change) =>
        {
            var field = ByKey.GetValueOrDefault(Key(change.Field))
                ?? throw new DomainException($"{Noun}s have no field '{change.Field}'.");
            return field.Check(change.Value) is { } error ? throw new DomainException(error) : field.Write(current, change.Value);
        });

    private async Task<TEntity> LoadAsync(AvaDbContext db, long id, CancellationToken cancellationToken) =>
        await Query(db).SingleOrDefaultAsync(e => EF.Property<long>(e, "Id") == id, cancellationToken)
        ?? throw new NotFoundException($"{Noun} #{id} no longer exists.");

    private async Task EnsureValidAsync(TValues values, string target, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(values, cancellationToken);
        if (!result.IsValid)
        {
            throw new InvalidValuesException(result.Errors
                .GroupBy(e => e.PropertyName)
                .ToDictionary(g => g.Key, g => g.Select(e => $"{target}: {e.ErrorMessage}").Distinct().ToArray()));
        }
    }

    /// <summary>A restored entity keeps its old id; SQL Server only accepts an explicit identity value inside IDENTITY_INSERT.</summary>
    private async Task InsertWithIdAsync(AvaDbContext db, TEntity entity, CancellationToken cancellationToken)
    {
        db.Add(entity);
        if (!db.Database.IsSqlServer())
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await db.Database.ExecuteSqlRawAsync(IdentityInsert.On, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync(IdentityInsert.Off, cancellationToken);
        }
    }

    private static string Key(string field) => field.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
}
