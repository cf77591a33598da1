using Ava.Domain.Audit;
using Ava.Domain.Prompts;
using Ava.Domain.Security;
using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Prompts;

/// <summary>
/// Prompt templates: read them (run_ai_prompts); add versions, activate one and test-run a version
/// on sample input (modify_schemas). Versions are immutable; activating another version, with a
/// reason, is the rollback. Every change is audited in its own transaction.
/// </summary>
public sealed class PromptService(
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    AuditTrail trail,
    IValidator<NewPromptVersion> validator,
    PromptRunner runner,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<PromptTemplateSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.RunAiPrompts);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var since = clock.GetUtcNow().AddDays(-7);
        var templates = await db.PromptTemplates.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new
            {
                t.Id, t.Name, t.Description,
                Active = db.PromptTemplateVersions.Where(v => v.Id == t.ActiveVersionId).Select(v => v.Number).FirstOrDefault(),
                Versions = db.PromptTemplateVersions.Count(v => v.TemplateId == t.Id),
                LastRun = db.PromptRuns.Where(r => r.TemplateId == t.Id).OrderByDescending(r => r.StartedAt).Select(r => (DateTimeOffset?)r.StartedAt).FirstOrDefault(),
                Recent = db.PromptRuns.Count(r => r.TemplateId == t.Id && r.StartedAt >= since),
            })
            .ToListAsync(cancellationToken);
        return templates.Select(t => new PromptTemplateSummary(t.Id, t.Name, t.Description, t.Active, t.Versions, t.LastRun, t.Recent)).ToList();
    }

    public async Task<PromptTemplateDetail?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.RunAiPrompts);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = await db.PromptTemplates.AsNoTracking().AsSplitQuery().Include(t => t.Versions).Include(t => t.Activations)
            .SingleOrDefaultAsync(t => t.Name == name, cancellationToken);
        return template is null ? null : Detail(template);
    }

    public async Task<PromptVersionDetail?> GetVersionAsync(string name, string number, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.RunAiPrompts);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = await db.PromptTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Name == name, cancellationToken);
        var version = template is null ? null : await db.PromptTemplateVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.TemplateId == template.Id && v.Number == number, cancellationToken);
        return version is null ? null : VersionDetail(template!, version);
    }

    /// <summary>Adds a version started from <see cref="NewPromptVersion.BasedOn"/>; it is not active until someone activates it.</summary>
    public async Task<PromptVersionDetail> CreateVersionAsync(string name, NewPromptVersion values, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.ModifySchemas);
        await validator.EnsureValidAsync(values, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var template = await LoadAsync(db, name, cancellationToken);
        var number = SemanticVersion.Parse(values.Version);
        var version = template.AddVersion(
            number, values.TemplateText, values.SystemContext,
            new PromptSettings(values.Model.Trim(), values.MaxTokens, values.Temperature, values.ContextTokens),
            values.Format == PromptOutputFormat.Json
                ? PromptValidation.ForJson(values.JsonSchema!)
                : PromptValidation.ForText(values.MinLength, values.MaxLength, values.RequiredSections.Select(s => s.Trim()).ToList()),
            values.Changelog, values.BasedOn, user.DisplayName(), clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new Ava.Domain.Common.DomainException($"{name} {number} was created by someone else a moment ago; choose a higher version.");
        }

        await trail.AppendAsync(db, new AuditEntry(PromptAuditActions.VersionCreated, $"prompt/{name}/{version.Number}", true,
            Metadata: AuditTrail.Metadata(new { template = name, version = version.Number, basedOn = values.BasedOn, changelog = version.Changelog })), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return VersionDetail(template, version);
    }

    /// <summary>Makes <paramref name="number"/> the active version (also how a version is rolled back); the reason is kept in the history.</summary>
    public async Task<PromptTemplateDetail> ActivateAsync(string name, string number, string reason, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.ModifySchemas);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var template = await LoadAsync(db, name, cancellationToken);
        var version = template.Versions.SingleOrDefault(v => v.Number == number)
            ?? throw new NotFoundException($"{name} has no version {number}.");
        var activation = template.Activate(version, user.DisplayName(), clock.GetUtcNow(), reason);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            var last = await fresh.PromptActivations.AsNoTracking().Where(a => a.TemplateId == template.Id).OrderByDescending(a => a.Id).FirstAsync(cancellationToken);
            var current = await fresh.PromptTemplates.AsNoTracking().SingleAsync(t => t.Id == template.Id, cancellationToken);
            throw new ConcurrencyConflictException(last.ActivatedBy, last.ActivatedAt, new { activeVersion = last.ToVersion }, current.Version);
        }

        await trail.AppendAsync(db, new AuditEntry(PromptAuditActions.VersionActivated, $"prompt/{name}/{version.Number}", true,
            Metadata: AuditTrail.Metadata(new { template = name, from = activation.FromVersion, to = activation.ToVersion, reason = activation.Reason })), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Detail(template);
    }

    /// <summary>Runs <paramref name="number"/> on sample input without activating it; the run is recorded as a test.</summary>
    public async Task<PromptRunResult> TestRunAsync(string name, string number, PromptTestInput input, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ModifySchemas);
        return await runner.RunAsync(new PromptRunRequest(name, input.Placeholders, input.Items, $"test:{name}/{number}", number, IsTest: true), cancellationToken);
    }

    /// <summary>
    /// Sample input from the current data for the shipped templates: the last day's streams for the
    /// briefing (the latest 20 when the day had none), the newest codestone for the review. Null for other templates.
    /// </summary>
    public async Task<(PromptTestInput Input, string Description)?> SampleInputAsync(string name, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ModifySchemas);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (name == PromptNames.MorningBriefing)
        {
            var since = clock.GetUtcNow().AddDays(-1);
            var live = db.Streams.AsNoTracking().Include(s => s.Tags).Where(s => s.Status != Ava.Domain.Streams.StreamStatus.Archived);
            var streams = await live.Where(s => s.CreatedAt >= since).OrderBy(s => s.Id).ToListAsync(cancellationToken);
            if (streams.Count == 0)
            {
                streams = await live.OrderByDescending(s => s.CreatedAt).Take(20).ToListAsync(cancellationToken);
            }

            var request = PromptInputs.Briefing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), streams);
            return (new PromptTestInput(request.Placeholders, request.Items), $"{streams.Count} stream{(streams.Count == 1 ? "" : "s")} ({(streams.Any(s => s.CreatedAt >= since) ? "the last 24 hours" : "the latest")})");
        }

        if (name == PromptNames.CodeReview && await db.Codestones.AsNoTracking().OrderByDescending(c => c.UpdatedAt).FirstOrDefaultAsync(cancellationToken) is { } codestone)
        {
            var request = PromptInputs.CodeReview(codestone);
            return (new PromptTestInput(request.Placeholders, request.Items), $"codestone #{codestone.Id} “{codestone.Title}”");
        }

        return null;
    }

    public async Task<PromptRunPage> ListRunsAsync(string name, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.RunAiPrompts);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = db.PromptRuns.AsNoTracking().Where(r => r.TemplateName == name);
        var total = await runs.CountAsync(cancellationToken);
        var size = Math.Clamp(pageSize, 1, 200);
        var rows = await runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Skip(Math.Max(0, page) * size).Take(size)
            .ToListAsync(cancellationToken);
        return new PromptRunPage(rows.Select(Row).ToList(), total);
    }

    public async Task<PromptRunDetail?> GetRunAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.RunAiPrompts);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.PromptRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return run is null ? null : new PromptRunDetail(Row(run), run.ValidationErrors, run.Error, run.InjectionReasons, run.ContextSources,
            run.ContextItemsUsed, run.ContextItemsDropped, run.Output);
    }

    internal static PromptRunRow Row(PromptRun r) => new(
        r.Id, r.VersionNumber, r.Caller, r.Subject, r.Provider, r.Model, r.Outcome, r.Attempts, r.DurationMs, r.TokensIn, r.TokensOut,
        r.TokensEstimated, r.InjectionScore, r.Flagged, r.IsTest, r.StartedAt);

    private static async Task<PromptTemplate> LoadAsync(AvaDbContext db, string name, CancellationToken cancellationToken) =>
        await db.PromptTemplates.AsSplitQuery().Include(t => t.Versions).Include(t => t.Activations).SingleOrDefaultAsync(t => t.Name == name, cancellationToken)
        ?? throw new NotFoundException($"There is no prompt template named {name}.");

    private static PromptTemplateDetail Detail(PromptTemplate template) => new(
        template.Id, template.Name, template.Description, template.ActiveVersion?.Number, template.Version,
        template.Versions.OrderByDescending(v => v.Major).ThenByDescending(v => v.Minor).ThenByDescending(v => v.Patch)
            .Select(v => new PromptVersionSummary(v.Id, v.Number, v.Changelog, v.CreatedBy, v.CreatedAt, v.BasedOn, v.Id == template.ActiveVersionId, v.OutputFormat))
            .ToList(),
        template.Activations.OrderByDescending(a => a.ActivatedAt).ThenByDescending(a => a.Id)
            .Select(a => new PromptActivationEntry(a.FromVersion, a.ToVersion, a.ActivatedBy, a.ActivatedAt, a.Reason))
            .ToList());

    private static PromptVersionDetail VersionDetail(PromptTemplate template, PromptTemplateVersion v) => new(
        v.Id, template.Name, v.Number, v.TemplateText, v.SystemContext, v.Settings, v.Validation, v.Changelog, v.BasedOn, v.CreatedBy, v.CreatedAt,
        v.Id == template.ActiveVersionId, v.Placeholders);
}
