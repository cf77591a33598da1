using Ava.Domain.ChangeSets;
using Ava.Domain.Common;
using Ava.Domain.Recommendations;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.ChangeSets;

/// <summary>
/// A change target over one entity type of the model: the entity's editable values
/// (<typeparamref name="TValues"/>, checked by its validator), the fields recommendations see, and
/// the bookkeeping (<typeparamref name="TMeta"/>) a snapshot keeps to restore a deleted entity exactly.
/// A new kind of target derives from this, declares its fields, noun and route, and is registered as
/// <see cref="IChangeTarget"/>; preview, apply, conflict checks and rollback are the same for every kind.
/// </summary>
public abstract class ChangeTarget<TEntity, TValues, TMeta>(IValidator<TValues> validator) : IChangeTarget
    where TEntity : class, IVersioned, IEntity
{
    private Dictionary<string, FieldDescriptor<TValues>>? _byKey;

    public abstract ChangeTargetType Type { get; }

    public abstract ChangeTargetNoun Noun { get; }

    public abstract string Route { get; }

    public abstract string TitleField { get; }

    public IReadOnlyList<string> ChangeableFields => Fields.Where(f => f.Changeable).Select(f => f.Name).ToList();

    /// <summary>Every field of the entity as recommendations see it, in the order snapshots and diffs show them.</summary>
    protected abstract IReadOnlyList<FieldDescriptor<TValues>> Fields { get; }

    /// <summary>The values a created entity starts from before the recommendation's fields are applied.</summary>
    protected abstract TValues Defaults { get; }

    private Dictionary<string, FieldDescriptor<TValues>> ByKey => _byKey ??= Fields.ToDictionary(f => Key(f.Name));

    public string? Canonical(string field) => ByKey.GetValueOrDefault(Key(field))?.Name;

    public string? CheckValue(string field, string? value) => ByKey.GetValueOrDefault(Key(field))?.Check(value);

    public bool IsLongText(string field) => ByKey.GetValueOrDefault(Key(field))?.IsLongText == true;

    public async Task<TargetState?> FindAsync(AvaDbContext db, long id, CancellationToken cancellationToken)
    {
        var entity = await Query(db).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
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
            var entity = await Query(db).AsNoTracking().SingleOrDefaultAsync(e => e.Id == change.TargetId, cancellationToken);
            if (entity is null)
            {
                return ([], [$"{Label(change.TargetId)} no longer exists."], null);
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

    public async Task<IReadOnlyDictionary<string, string[]>> CheckProposalAsync(AvaDbContext db, ProposedChange change, CancellationToken cancellationToken)
    {
        if (change.Operation == ChangeOperation.Delete)
        {
            return new Dictionary<string, string[]>();
        }

        var current = Defaults;
        if (change.Operation == ChangeOperation.Update)
        {
            var entity = await Query(db).AsNoTracking().SingleOrDefaultAsync(e => e.Id == change.TargetId, cancellationToken);
            if (entity is null)
            {
                return new Dictionary<string, string[]>();
            }

            current = ValuesOf(entity);
        }

        var named = change.Fields.Select(f => Canonical(f.Field)).ToHashSet(StringComparer.Ordinal);
        var result = await validator.ValidateAsync(Merge(current, change.Fields), cancellationToken);

        // An update answers for the fields it names; a create for every field, since it sets them all.
        return result.Errors
            .Select(e => (Field: Canonical(e.PropertyName.Split('[', '.')[0]) ?? e.PropertyName, e.ErrorMessage))
            .Where(e => change.Operation == ChangeOperation.Create || named.Contains(e.Field))
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);
    }

    public async Task<AiChangeRecord> ApplyAsync(AvaDbContext db, ProposedChange change, int order, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        switch (change.Operation)
        {
            case ChangeOperation.Create:
            {
                var values = Merge(Defaults, change.Fields);
                await EnsureValidAsync(values, $"new {Noun.Singular}", cancellationToken);
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
                await EnsureValidAsync(values, Label(change.TargetId), cancellationToken);
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
        var entity = await Query(db).SingleOrDefaultAsync(e => e.Id == record.EntityId, cancellationToken);
        var label = Label(record.EntityId);
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
                await EnsureValidAsync(values, Label(record.EntityId), cancellationToken);
                Update(entity, values, by, at);
                await db.SaveChangesAsync(cancellationToken);
                break;
            }

            case ChangeOperation.Delete:
            {
                var before = EntitySnapshot<TMeta>.FromJson(record.BeforeState)!;
                var values = Merge(Defaults, before.Fields.Select(f => new FieldChange(f.Key, f.Value)).ToList());
                await EnsureValidAsync(values, Label(record.EntityId), cancellationToken);
                await InsertWithIdAsync(db, Restore(before.Id, values, before.Meta), cancellationToken);
                break;
            }
        }
    }

    /// <summary>The entities of this kind, with whatever a snapshot of one needs loaded (its tags, say).</summary>
    protected abstract IQueryable<TEntity> Query(AvaDbContext db);

    protected abstract TValues ValuesOf(TEntity entity);

    protected abstract TEntity Create(TValues values, string by, DateTimeOffset at);

    protected abstract void Update(TEntity entity, TValues values, string by, DateTimeOffset at);

    /// <summary>Who changed the entity last, and when: what a preview says when it changed after the recommendation.</summary>
    protected abstract (string By, DateTimeOffset At) LastChange(TEntity entity);

    /// <summary>What a snapshot keeps beside the fields, so that a deleted entity comes back exactly.</summary>
    protected abstract TMeta Meta(TEntity entity);

    /// <summary>The deleted entity <paramref name="id"/> as it was, from its recorded values and bookkeeping.</summary>
    protected abstract TEntity Restore(long id, TValues values, TMeta meta);

    private EntitySnapshot<TMeta> Snapshot(TEntity entity)
    {
        var values = ValuesOf(entity);
        return new EntitySnapshot<TMeta>(entity.Id, Fields.ToDictionary(f => f.Name, f => f.Read(values)), Meta(entity));
    }

    private string Title(TEntity entity) => ByKey[Key(TitleField)].Read(ValuesOf(entity)) ?? "";

    private string Label(long? id) => $"{Noun.SentenceCase} #{id}";

    private TargetState State(TEntity entity)
    {
        var (by, at) = LastChange(entity);
        return new TargetState(Snapshot(entity), Title(entity), entity.Version, by, at);
    }

    private TValues Merge(TValues values, IEnumerable<FieldChange> changes) =>
        changes.Aggregate(values, (current, change) =>
        {
            var field = ByKey.GetValueOrDefault(Key(change.Field))
                ?? throw new DomainException($"A {Noun.Singular} has no field '{change.Field}'.");
            return field.Check(change.Value) is { } error ? throw new DomainException(error) : field.Write(current, change.Value);
        });

    private async Task<TEntity> LoadAsync(AvaDbContext db, long id, CancellationToken cancellationToken) =>
        await Query(db).SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
        ?? throw new NotFoundException($"{Label(id)} no longer exists.");

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

        var table = db.Model.FindEntityType(typeof(TEntity))?.GetTableName()
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped to a table.");
        await db.Database.ExecuteSqlRawAsync(SqlServerStatements.IdentityInsert(table, on: true), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync(SqlServerStatements.IdentityInsert(table, on: false), cancellationToken);
        }
    }

    private static string Key(string field) => field.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
}
