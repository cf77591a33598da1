using Ava.Domain.Audit;
using Ava.Domain.Codestones;
using Ava.Domain.Security;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Codestones;

/// <summary>
/// Codestones: browse (view_codestones) and change (create_codestones), validated by
/// <see cref="CodestoneValuesValidator"/>, version-checked and audited with the changed fields.
/// </summary>
public sealed class CodestoneService(
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    VersionedWriter writer,
    IValidator<CodestoneValues> validator,
    TimeProvider clock)
{
    private static readonly VersionedSet<Codestone> Set = new(
        "Codestone",
        db => db.Codestones,
        current => new ConcurrencyConflictException(current.UpdatedBy, current.UpdatedAt, current.Values, current.Version));

    public async Task<Paged<CodestoneRow>> ListAsync(CodestoneQuery query, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewCodestones);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var codestones = Filter(db.Codestones.AsNoTracking(), query);
        var total = await codestones.CountAsync(cancellationToken);
        var paging = new PageRequest(query.Page, query.PageSize);
        var rows = await Sort(codestones, query)
            .Page(paging)
            .Select(c => new { c.Id, c.Title, c.Language, c.ReviewStatus, c.EclScore, c.Author, c.UpdatedAt })
            .ToListAsync(cancellationToken);
        return new Paged<CodestoneRow>(rows.Select(r => new CodestoneRow(r.Id, r.Title, r.Language, r.ReviewStatus, r.EclScore, r.Author, r.UpdatedAt)).ToList(), total, paging);
    }

    public async Task<CodestoneDetail?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewCodestones);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var codestone = await db.Codestones.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return codestone is null ? null : Detail(codestone);
    }

    public async Task<CodestoneDetail> CreateAsync(CodestoneValues values, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.CreateCodestones);
        await validator.EnsureValidAsync(values, cancellationToken);
        var codestone = await writer.CreateAsync(
            new Codestone(values, user.DisplayName(), clock.GetUtcNow()),
            c => Entry(CodestoneAuditActions.Created, c, new { after = Snapshot(c.Values) }),
            cancellationToken);
        return Detail(codestone);
    }

    public async Task<CodestoneDetail> UpdateAsync(long id, CodestoneValues values, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.CreateCodestones);
        await validator.EnsureValidAsync(values, cancellationToken);
        var codestone = await writer.ChangeAsync(Set, id, expectedVersion, (_, codestone) =>
        {
            var before = codestone.Values;
            var changed = codestone.Update(values, user.DisplayName(), clock.GetUtcNow());
            return changed.Count == 0
                ? null
                : Entry(CodestoneAuditActions.Updated, codestone, new { fields = changed, before = Snapshot(before, changed), after = Snapshot(codestone.Values, changed) });
        }, cancellationToken);
        return Detail(codestone);
    }

    public async Task DeleteAsync(long id, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.CreateCodestones);
        await writer.ChangeAsync(Set, id, expectedVersion, (db, codestone) =>
        {
            db.Codestones.Remove(codestone);
            return Entry(CodestoneAuditActions.Deleted, codestone, new { before = Snapshot(codestone.Values) });
        }, cancellationToken);
    }

    private static AuditEntry Entry(string action, Codestone codestone, object metadata) =>
        new(action, $"codestone/{codestone.Id}", true, Metadata: AuditTrail.Metadata(metadata));

    private static CodestoneDetail Detail(Codestone c) => new(c.Id, c.Values, c.Author, c.CreatedAt, c.UpdatedAt, c.UpdatedBy, c.Version);

    private static Dictionary<string, object?> Snapshot(CodestoneValues values, IReadOnlyList<string>? only = null)
    {
        var all = new Dictionary<string, object?>
        {
            [nameof(CodestoneValues.Title)] = values.Title,
            [nameof(CodestoneValues.Language)] = values.Language.ToString(),
            [nameof(CodestoneValues.Code)] = values.Code.Length > 500 ? values.Code[..500] + "…" : values.Code,
            [nameof(CodestoneValues.GitHubUrl)] = values.GitHubUrl,
            [nameof(CodestoneValues.ReviewStatus)] = values.ReviewStatus.ToString(),
            [nameof(CodestoneValues.EclScore)] = values.EclScore,
        };
        return only is null ? all : all.Where(p => only.Contains(p.Key)).ToDictionary();
    }

    private static IQueryable<Codestone> Filter(IQueryable<Codestone> codestones, CodestoneQuery query)
    {
        if (query.Language is { } language)
        {
            codestones = codestones.Where(c => c.Language == language);
        }

        if (query.ReviewStatus is { } status)
        {
            codestones = codestones.Where(c => c.ReviewStatus == status);
        }

        if (query.EclMin is { } min)
        {
            codestones = codestones.Where(c => c.EclScore >= min);
        }

        if (query.EclMax is { } max)
        {
            codestones = codestones.Where(c => c.EclScore <= max);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            codestones = codestones.Where(c => c.Title.Contains(text) || c.Code.Contains(text));
        }

        return codestones;
    }

    private static IQueryable<Codestone> Sort(IQueryable<Codestone> codestones, CodestoneQuery query) => query.SortBy switch
    {
        CodestoneSortField.CreatedAt => codestones.OrderByThenId(c => c.CreatedAt, c => c.Id, query.Descending),
        CodestoneSortField.Title => codestones.OrderByThenId(c => c.Title, c => c.Id, query.Descending),
        CodestoneSortField.EclScore => codestones.OrderByThenId(c => c.EclScore, c => c.Id, query.Descending),
        _ => codestones.OrderByThenId(c => c.UpdatedAt, c => c.Id, query.Descending),
    };
}
