using System.Globalization;
using System.Runtime.CompilerServices;
using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Audit;

/// <summary>The audit page's filters. Dates are inclusive, in UTC.</summary>
public sealed record AuditFilter(
    string? UserName = null,
    string? Action = null,
    bool? Success = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Text = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(UserName) && string.IsNullOrWhiteSpace(Action) && Success is null
        && From is null && To is null && string.IsNullOrWhiteSpace(Text);
}

public sealed record AuditEventRow(
    long Sequence,
    DateTimeOffset Timestamp,
    string UserName,
    string? UserId,
    string Action,
    string Resource,
    bool Success,
    string? Error,
    string? Metadata,
    string? ClientIp,
    string? CorrelationId,
    string Hash);


/// <summary>Reading the audit trail (view_logs): the paged list and the streamed CSV export.</summary>
public sealed class AuditQueries(IDbContextFactory<AvaDbContext> contexts, PermissionGuard guard, AuditTrail trail)
{
    /// <summary>A filtered list counts its matches up to this many; counting every match among millions costs more than the page.</summary>
    public const int CountLimit = 10_000;

    public async Task<Paged<AuditEventRow>> ListAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewLogs);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var events = Apply(db.AuditEvents.AsNoTracking(), filter);

        // Without filters the newest sequence number is the count (events are never deleted):
        // no scan of a million rows to draw the pager.
        var total = filter.IsEmpty
            ? (int)(await db.AuditEvents.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0)
            : await events.Take(CountLimit + 1).CountAsync(cancellationToken);
        var items = await Project(events.OrderByDescending(e => e.Sequence).Page(page))
            .ToListAsync(cancellationToken);
        return new Paged<AuditEventRow>(items, total, page, filter.IsEmpty ? null : CountLimit);
    }

    /// <summary>
    /// Writes the filtered events as CSV, newest first, row by row from the database (never the whole
    /// set in memory), then records the export itself in the trail.
    /// </summary>
    public async Task<int> ExportCsvAsync(AuditFilter filter, TextWriter output, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewLogs);
        var rows = 0;
        var csv = CsvWriter.Create(output, null, true);
        try
        {
            csv.WriteHeader(CsvHeader);
            await foreach (var row in StreamAsync(filter, cancellationToken))
            {
                csv.WriteRecord(
                [
                    row.Sequence.ToString(CultureInfo.InvariantCulture),
                    row.Timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                    Cell(row.UserName), Cell(row.Action), Cell(row.Resource), row.Success ? "true" : "false",
                    Cell(row.Error), Cell(row.ClientIp), Cell(row.CorrelationId), Cell(row.Metadata), row.Hash,
                ]);
                rows++;
                if (rows % 1000 == 0)
                {
                    await csv.FlushAsync(cancellationToken);
                }
            }

            await csv.FlushAsync(cancellationToken);
        }
        finally
        {
            // Dispose flushes synchronously, which an HTTP response body refuses.
            await csv.DisposeAsync();
        }

        await output.FlushAsync(cancellationToken);
        await trail.RecordAsync(
            new AuditEntry(AuditLogActions.Exported, "audit", true, Metadata: AuditTrail.Metadata(new { filter, rows })),
            cancellationToken: cancellationToken);
        return rows;
    }

    /// <summary>
    /// Text that a spreadsheet would run as a formula (a sign-in attempt with the email "=HYPERLINK(...)")
    /// is written with a leading apostrophe, so opening the export never executes anything.
    /// </summary>
    internal static string Cell(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private async IAsyncEnumerable<AuditEventRow> StreamAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Project(Apply(db.AuditEvents.AsNoTracking(), filter).OrderByDescending(e => e.Sequence));
        await foreach (var row in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    private static IQueryable<AuditEvent> Apply(IQueryable<AuditEvent> events, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            var user = filter.UserName.Trim();
            events = events.Where(e => e.UserName.Contains(user));
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            events = events.Where(e => e.Action == filter.Action);
        }

        if (filter.Success is { } success)
        {
            events = events.Where(e => e.Success == success);
        }

        if (filter.From is { } from)
        {
            events = events.Where(e => e.Timestamp >= from);
        }

        if (filter.To is { } to)
        {
            events = events.Where(e => e.Timestamp <= to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            events = events.Where(e => e.Resource.Contains(text) || (e.Error != null && e.Error.Contains(text)));
        }

        return events;
    }

    private static IQueryable<AuditEventRow> Project(IQueryable<AuditEvent> events) =>
        events.Select(e => new AuditEventRow(
            e.Sequence, e.Timestamp, e.UserName, e.UserId, e.Action, e.Resource, e.Success, e.Error, e.Metadata, e.ClientIp, e.CorrelationId, e.Hash));

    private static readonly string[] CsvHeader =
        ["Sequence", "TimestampUtc", "User", "Action", "Resource", "Success", "Error", "ClientIp", "CorrelationId", "Metadata", "Hash"];
}
