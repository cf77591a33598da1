using System.Globalization;
using Ava.Domain.Audit;
using Ava.Domain.Briefings;
using Ava.Domain.Common;
using Ava.Domain.Prompts;
using Ava.Domain.Security;
using Ava.Domain.Settings;
using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Briefings;

/// <summary>
/// Writes a date's morning briefing (specification §5): reads the period's streams and the product's
/// changes, runs the active <c>morning_briefing</c> version through the AI pipeline as the caller (the
/// system actor on schedule, the admin who asked otherwise), and stores the validated text as the date's
/// next revision. It writes at most one revision per request: the date's revision is checked before the
/// run and again in the storing transaction, and the unique (date, revision) index settles a race, so a
/// retry, a restart or a second run of the same request leaves exactly one briefing.
/// </summary>
public sealed class BriefingGenerator(
    IDbContextFactory<AvaDbContext> contexts,
    PromptRunner runner,
    CapabilityGuard capabilities,
    IUserContext callers,
    AuditTrail trail,
    LiveUpdates updates,
    IOptions<BriefingOptions> options,
    TimeProvider clock)
{
    /// <summary>Reading, writing, storing: the stages the workflows page shows.</summary>
    public const int Stages = 3;

    /// <summary>Every briefing reads the 24 hours before its period ends (specification §5).</summary>
    public static readonly TimeSpan Period = TimeSpan.FromHours(24);

    /// <param name="replacesRevision">Null to write the date's first briefing (nothing happens when it exists); otherwise the revision a regeneration replaces (0 when the date had none).</param>
    /// <param name="progress">Told the stages done (0 to <see cref="Stages"/>) and what is under way.</param>
    public async Task<BriefingGeneration> GenerateAsync(DateOnly date, int? replacesRevision, Func<int, string, Task> progress, CancellationToken cancellationToken)
    {
        await capabilities.DemandAsync(Capabilities.Briefings);
        var caller = (await callers.GetUserAsync()).DisplayName();
        return await GenerateAsync(date, replacesRevision, progress, request => runner.RunAsync(request, cancellationToken), clock.GetUtcNow(), caller, null, cancellationToken);
    }

    /// <summary>Demo history: the briefing of a past date, written as the system would have written it at <paramref name="at"/>.</summary>
    internal Task<BriefingGeneration> GenerateHistoryAsync(DateOnly date, DateTimeOffset at, CancellationToken cancellationToken) =>
        GenerateAsync(date, null, (_, _) => Task.CompletedTask, request => runner.RunAsSystemAsync(request, at, cancellationToken), at,
            SystemActor.NameFor(Workflows.MorningBriefingJob.Name), new AuditActor(null, SystemActor.NameFor(Workflows.MorningBriefingJob.Name), null, CorrelationContext.Id), cancellationToken);

    private async Task<BriefingGeneration> GenerateAsync(
        DateOnly date, int? replacesRevision, Func<int, string, Task> progress, Func<PromptRunRequest, Task<PromptRunResult>> run,
        DateTimeOffset now, string caller, AuditActor? actor, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (date > settings.DateAt(now))
        {
            throw new DomainException($"{Day(date)} has not begun yet in {settings.Zone().Id}; a briefing is written on its day or later.");
        }

        await progress(0, $"Reading the streams for {Day(date)}");
        BriefingContext context;
        PromptTemplateVersion version;
        var expected = replacesRevision ?? 0;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var current = await CurrentAsync(db, date, cancellationToken);
            if ((current?.Revision ?? 0) != expected)
            {
                var unchanged = Unchanged(current, date, replacesRevision);
                await progress(Stages, unchanged.Message);
                return unchanged;
            }

            version = await ActiveVersionAsync(db, cancellationToken);
            var end = current?.PeriodEnd ?? Min(now, settings.EndOf(date));
            var start = current?.PeriodStart ?? end - Period;
            context = await BriefingContextBuilder.BuildAsync(db, start, end, version.ContextTokens, cancellationToken);
        }

        await progress(1, $"Writing the briefing from {context.Candidates.Count} of {context.StreamsInPeriod} streams");
        var result = (await run(context.ToRequest(date, version.Number))).EnsureSucceeded();

        await progress(2, "Storing the briefing");
        var briefing = await StoreAsync(date, expected, result, context, caller, actor, now, cancellationToken);
        if (briefing.Written)
        {
            updates.Publish(new BriefingChanged(date));
        }

        await progress(Stages, briefing.Message);
        return briefing;
    }

    private async Task<BriefingGeneration> StoreAsync(
        DateOnly date, int expected, PromptRunResult result, BriefingContext context, string caller, AuditActor? actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await db.MorningBriefings.SingleOrDefaultAsync(b => b.Date == date && b.SupersededAt == null, cancellationToken);
        if ((current?.Revision ?? 0) != expected)
        {
            // Another run wrote the date while this one waited for the model; its text stays, this one is dropped.
            return Unchanged(current, date, expected == 0 ? null : expected);
        }

        current?.Supersede(caller, now);
        var streams = result.Sources.Where(s => s.StartsWith("stream:", StringComparison.Ordinal))
            .Select(s => long.Parse(s["stream:".Length..], CultureInfo.InvariantCulture)).ToList();
        var briefing = new MorningBriefing(
            date, expected + 1, result.Output!,
            new BriefingProvenance(result.VersionId, result.VersionNumber, result.RunId, result.Provider, result.Model, result.IsOffline,
                result.TokensIn, result.TokensOut, result.DurationMs, result.Injection.Score, result.FlaggedInputs),
            new BriefingPeriod(context.Start, context.End, context.StreamsInPeriod, streams),
            caller, now);
        db.MorningBriefings.Add(briefing);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (date, revision) index: a concurrent run committed the same revision first.
            await transaction.RollbackAsync(cancellationToken);
            await using var check = await contexts.CreateDbContextAsync(cancellationToken);
            return Unchanged(await CurrentAsync(check, date, cancellationToken), date, expected == 0 ? null : expected);
        }

        var entry = new AuditEntry(BriefingAuditActions.Generated, $"briefing/{Day(date)}", true, Metadata: AuditTrail.Metadata(new
        {
            revision = briefing.Revision,
            replaces = current?.Revision,
            run = result.RunId,
            version = result.VersionNumber,
            provider = result.Provider,
            streamsInPeriod = context.StreamsInPeriod,
            streamsUsed = streams.Count,
            flagged = briefing.FlaggedInputs.Select(f => f.Source),
        }));
        await (actor is null ? trail.AppendAsync(db, entry, cancellationToken) : trail.AppendAsync(db, entry, actor, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new BriefingGeneration(briefing, true, current is null
            ? $"Wrote the briefing for {Day(date)}."
            : $"Wrote revision {briefing.Revision} of the briefing for {Day(date)}; revision {current.Revision} is kept.");
    }

    private static BriefingGeneration Unchanged(MorningBriefing? current, DateOnly date, int? replacesRevision) => new(
        current, false, (current, replacesRevision) switch
        {
            (null, _) => $"The briefing for {Day(date)} has no revision {replacesRevision}; nothing was written.",
            (_, null) => $"The briefing for {Day(date)} exists already (revision {current.Revision}); regenerate it to replace it.",
            _ => $"Revision {replacesRevision} of the briefing for {Day(date)} was already replaced (now revision {current.Revision}).",
        });

    private static Task<MorningBriefing?> CurrentAsync(AvaDbContext db, DateOnly date, CancellationToken cancellationToken) =>
        db.MorningBriefings.AsNoTracking().SingleOrDefaultAsync(b => b.Date == date && b.SupersededAt == null, cancellationToken);

    private static async Task<PromptTemplateVersion> ActiveVersionAsync(AvaDbContext db, CancellationToken cancellationToken)
    {
        var template = await db.PromptTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Name == PromptNames.MorningBriefing, cancellationToken)
            ?? throw new NotFoundException($"There is no prompt template named {PromptNames.MorningBriefing}.");
        return await db.PromptTemplateVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == template.ActiveVersionId, cancellationToken)
            ?? throw new NotFoundException($"{PromptNames.MorningBriefing} has no active version.");
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
