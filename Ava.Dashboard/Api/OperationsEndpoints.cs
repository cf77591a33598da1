using Ava.Dashboard.Security;
using Ava.Infrastructure.Alerts;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Metrics;
using Ava.Infrastructure.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ava.Dashboard.Api;

/// <summary>/api/v1/metrics, /alerts, /maintenance and /config/status: the same services as /health and /admin/settings.</summary>
internal static class OperationsEndpoints
{
    public static void MapOperationsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/metrics", MetricsAsync).RequireAuthorization(Policies.ViewDashboards)
            .WithTags("Health").WithName("GetMetrics").WithSummary("Metrics in hourly buckets")
            .WithDescription("window=24h (default) or 7d: recommendation approval and escalation rates, changesets applied, failed and rolled back with the success rate, workflow success rate with average queue wait and run time, AI runs, tokens and latency, requests and the 5xx error rate; each series has a value per hour (null where nothing was measured) and a total over the window. Computed from recorded rows. Needs view_dashboards.")
            .ProducesValidationProblem().ProducesApiErrors();

        var alerts = api.MapGroup("/alerts").WithTags("Alerts");
        alerts.MapGet("", ListAlertsAsync).RequireAuthorization(Policies.ViewLogs)
            .WithName("ListAlerts").WithSummary("List alerts")
            .WithDescription("status=open (default: not resolved, acknowledged or not, with silencedUntil when silenced), recent (resolved in the last 7 days) or all; newest first; page, pageSize. Needs view_logs.")
            .ProducesValidationProblem().ProducesApiErrors();
        alerts.MapPost("/{id:long}/acknowledge", AcknowledgeAsync).RequireAuthorization(Policies.ViewLogs)
            .WithName("AcknowledgeAlert").WithSummary("Acknowledge an alert")
            .WithDescription("Records who acknowledged it, when, and the optional note ({\"note\"}); audited. 422 when it was acknowledged already. Needs view_logs.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesApiErrors();
        alerts.MapPost("/{id:long}/silence", SilenceAsync).RequireAuthorization(Policies.ViewLogs)
            .AcceptsJson<AlertSilenceRequest>()
            .WithName("SilenceAlert").WithSummary("Silence an alert's rule and subject")
            .WithDescription("{\"until\", \"note\"}: until then the rule raises no alert for the subject and sends no webhook message, and an active alert is not listed as needing someone; audited. until must be in the future and at most 30 days ahead. Needs view_logs.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesApiErrors();

        var maintenance = api.MapGroup("/maintenance").WithTags("Maintenance");
        maintenance.MapGet("", GetMaintenanceAsync).RequireAuthorization(Policies.ModifySchemas)
            .WithName("GetMaintenance").WithSummary("Maintenance mode")
            .WithDescription("Whether it is on, its message, who started it, when, and the expected end. Needs modify_schemas (Admins).")
            .ProducesApiErrors();
        maintenance.MapPut("", PutMaintenanceAsync).RequireAuthorization(Policies.ModifySchemas)
            .AcceptsJson<MaintenanceRequest>()
            .WithName("SetMaintenance").WithSummary("Switch maintenance mode")
            .WithDescription("{\"on\": true, \"message\", \"expectedEnd\"} switches it on: other users see the message instead of the app and their tokens get 503 with Retry-After, Admins keep working; {\"on\": false} switches it off (nothing changes when it is off). 409 when it is on already. Audited. Needs modify_schemas (Admins).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesApiErrors();

        api.MapGet("/config/status", ConfigurationAsync).RequireAuthorization(Policies.ModifySchemas)
            .WithTags("Settings").WithName("GetConfigurationStatus").WithSummary("Configuration status")
            .WithDescription("Every setting group with each setting's effective value and its source (Default, File, UserSecrets, Environment, CommandLine, Host); secrets only as set or not set. With the feature flags (who switched each one last, and when) and each external dependency's last recorded state. Needs modify_schemas (Admins).")
            .ProducesApiErrors();
    }

    private static async Task<Ok<MetricsReport>> MetricsAsync([FromQuery] string? window, MetricsQueries metrics, CancellationToken cancellationToken)
    {
        var values = new ApiValues();
        var parsed = window switch
        {
            null or "" or "24h" => MetricsWindow.Day,
            "7d" => MetricsWindow.Week,
            _ => (MetricsWindow?)null,
        };
        values.Check(parsed is not null, "window", "'window' must be 24h or 7d.");
        values.ThrowIfInvalid();
        return TypedResults.Ok(await metrics.GetAsync(parsed!.Value, cancellationToken));
    }

    private static async Task<Ok<AlertList>> ListAlertsAsync(
        [FromQuery] string? status, [FromQuery] int? page, [FromQuery] int? pageSize, AlertService alerts, CancellationToken cancellationToken)
    {
        var values = new ApiValues();
        var listStatus = values.Enum<AlertListStatus>(status, "status") ?? AlertListStatus.Open;
        values.ThrowIfInvalid();
        var request = new PageRequest(page ?? 0, pageSize ?? PageRequest.DefaultSize);
        var list = await alerts.ListAsync(listStatus, request, cancellationToken);
        return TypedResults.Ok(new AlertList(list.Items, request.Page, request.Size, list.Total));
    }

    private static async Task<Ok<AlertRow>> AcknowledgeAsync(long id, HttpContext context, AlertService alerts, CancellationToken cancellationToken)
    {
        // The note is optional, and so is the body.
        var note = context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0
            ? (await JsonBody<AlertAcknowledgeRequest>.ReadAsync(context)).Value.Note
            : null;
        return TypedResults.Ok(await alerts.AcknowledgeAsync(id, note, cancellationToken));
    }

    private static async Task<Ok<AlertSilenceResource>> SilenceAsync(long id, JsonBody<AlertSilenceRequest> body, AlertService alerts, CancellationToken cancellationToken)
    {
        var values = new ApiValues();
        var until = values.Required(body.Value.Until, "until");
        values.ThrowIfInvalid();
        var silence = await alerts.SilenceAsync(id, until, body.Value.Note, cancellationToken);
        return TypedResults.Ok(new AlertSilenceResource(silence.Id, silence.Kind, silence.Subject, silence.Until, silence.Note, silence.CreatedBy, silence.CreatedAt));
    }

    private static async Task<Ok<MaintenanceStatus>> GetMaintenanceAsync(MaintenanceService maintenance, CancellationToken cancellationToken) =>
        TypedResults.Ok(await maintenance.GetAsync(cancellationToken));

    private static async Task<Ok<MaintenanceStatus>> PutMaintenanceAsync(JsonBody<MaintenanceRequest> body, MaintenanceService maintenance, CancellationToken cancellationToken)
    {
        var values = new ApiValues();
        var on = values.Required(body.Value.On, "on");
        values.Check(body.Value.On != true || !string.IsNullOrWhiteSpace(body.Value.Message), "message", "'message' is required to switch maintenance mode on: it is what other users see.");
        values.ThrowIfInvalid();
        return TypedResults.Ok(on
            ? await maintenance.StartAsync(body.Value.Message!, body.Value.ExpectedEnd, cancellationToken)
            : await maintenance.EndAsync(cancellationToken));
    }

    private static async Task<Ok<ConfigurationStatusResource>> ConfigurationAsync(
        ConfigurationStatusService status, FeatureFlagService flags, CancellationToken cancellationToken)
    {
        var report = await status.GetAsync(cancellationToken);
        var states = await flags.ListAsync(cancellationToken);
        return TypedResults.Ok(new ConfigurationStatusResource(report.Groups, states.Select(FeatureFlagResource.From).ToList(), report.Dependencies));
    }
}
