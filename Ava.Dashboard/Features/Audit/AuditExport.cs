using System.Globalization;
using Ava.Dashboard.Security;
using Ava.Infrastructure.Audit;
using Microsoft.AspNetCore.WebUtilities;

namespace Ava.Dashboard.Features.Audit;

/// <summary>GET /audit/export: the filtered audit events as a CSV download, streamed from the database.</summary>
internal static class AuditExport
{
    public const string Path = "/audit/export";

    public static IEndpointConventionBuilder MapAuditExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (HttpContext context, AuditQueries audit) =>
        {
            var filter = Parse(context.Request.Query);
            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv\"";
            await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false), bufferSize: 16 * 1024);
            await audit.ExportCsvAsync(filter, writer, context.RequestAborted);
        }).RequireAuthorization(Policies.ViewLogs);

    public static string UrlFor(AuditFilter filter)
    {
        var query = new Dictionary<string, string?>
        {
            ["user"] = filter.UserName,
            ["action"] = filter.Action,
            ["success"] = filter.Success?.ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
            ["from"] = filter.From?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["to"] = filter.To?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["text"] = filter.Text,
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value));
        return QueryHelpers.AddQueryString(Path, query);
    }

    internal static AuditFilter Parse(IQueryCollection query) => new(
        UserName: NullIfBlank(query["user"]),
        Action: NullIfBlank(query["action"]),
        Success: bool.TryParse(query["success"], out var success) ? success : null,
        From: DateTimeOffset.TryParse(query["from"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from) ? from : null,
        To: DateTimeOffset.TryParse(query["to"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var to) ? to : null,
        Text: NullIfBlank(query["text"]));

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
