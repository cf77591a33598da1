using System.Text.Json;
using Ava.Domain.Commands;
using Ava.Domain.Common;
using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Settings;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Ava.Dashboard.Api;

/// <summary>
/// Every API error is an RFC 9457 problem: the services' exceptions are mapped here in one place,
/// an error status without a body gets one, and the request body is capped before anything reads it.
/// </summary>
internal static class ApiErrors
{
    /// <summary>The largest request body the API reads: 1 MiB.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app) =>
        app.UseWhen(context => ApiPaths.IsApi(context.Request.Path), api =>
        {
            // Uses the problem details service (AddProblemDetails) for any 4xx/5xx left without a body.
            api.UseStatusCodePages();
            api.Use(async (context, next) =>
            {
                try
                {
                    await next(context);
                }
                catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
                {
                    await ToResult(exception, context).ExecuteAsync(context);
                }
            });
            api.Use(async (context, next) =>
            {
                if (context.Request.ContentLength > MaxBodyBytes)
                {
                    await TooLarge().ExecuteAsync(context);
                    return;
                }

                // Kestrel enforces this while the body streams in (a chunked body has no length up front).
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = MaxBodyBytes;
                }

                await next(context);
            });
        });

    /// <summary>The status an exception is answered with (the write audit records it).</summary>
    public static int StatusCodeOf(Exception exception) => exception switch
    {
        ApiRequestException request => request.Status,
        PermissionDeniedException => StatusCodes.Status403Forbidden,
        AiRateLimitExceededException => StatusCodes.Status429TooManyRequests,
        InvalidValuesException => StatusCodes.Status400BadRequest,
        NotFoundException => StatusCodes.Status404NotFound,
        CapabilitySwitchedOffException => StatusCodes.Status403Forbidden,
        ConcurrencyConflictException or RecommendationDecidedException or MaintenanceStateException or ChangeSetRolledBackException or RollbackConflictException or TargetChangedException or CommandExecutionStateException
            => StatusCodes.Status409Conflict,
        DomainException => StatusCodes.Status422UnprocessableEntity,
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static IResult ToResult(Exception exception, HttpContext context) => exception switch
    {
        ApiRequestException request => request.ToResult(),
        PermissionDeniedException denied => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: denied.Message + " The attempt was recorded in the audit log."),
        AiRateLimitExceededException limited => TooManyAiActions(limited, context),
        InvalidValuesException invalid => TypedResults.ValidationProblem(JsonFieldNames(invalid.Errors), title: "The values are not valid"),
        NotFoundException missing => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: missing.Message),
        ConcurrencyConflictException conflict => Conflict(conflict),
        RecommendationDecidedException decided => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already decided", detail: decided.Message,
            extensions: new Dictionary<string, object?> { ["recommendationStatus"] = decided.Status.ToString(), ["decidedBy"] = decided.DecidedBy }),
        TargetChangedException changed => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed at the same moment", detail: changed.Message),
        ChangeSetRolledBackException rolledBack => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already rolled back", detail: rolledBack.Message),
        RollbackConflictException conflicts => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed since the changeset", detail: conflicts.Message,
            extensions: new Dictionary<string, object?> { ["conflicts"] = conflicts.Conflicts }),
        CommandExecutionStateException state => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible in this state", detail: state.Message,
            extensions: new Dictionary<string, object?> { ["executionStatus"] = state.Status.ToString() }),
        CapabilitySwitchedOffException off => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Switched off", detail: off.Message,
            extensions: new Dictionary<string, object?> { ["capability"] = off.State.Capability.Name, ["switchedOffBy"] = off.State.ChangedBy, ["switchedOffAt"] = off.State.ChangedAt }),
        MaintenanceStateException state => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible in this state", detail: state.Message),
        DomainException rule => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Refused by a business rule", detail: rule.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge(),
        BadHttpRequestException bad => TypedResults.Problem(statusCode: bad.StatusCode, title: "Bad request", detail: bad.Message),
        _ => Unexpected(exception, context),
    };

    private static IResult Conflict(ConcurrencyConflictException conflict) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Changed since you loaded it",
        Detail = conflict.Message,
        Extensions =
        {
            ["currentVersion"] = conflict.CurrentVersion,
            ["changedBy"] = conflict.ChangedBy,
            ["changedAt"] = conflict.ChangedAt,
            ["current"] = conflict.CurrentValues,
        },
    });

    private static IResult TooManyAiActions(AiRateLimitExceededException limited, HttpContext context)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(limited.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many AI actions", detail: limited.Message);
    }

    private static IResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
        detail: "The API accepts request bodies of up to 1 MiB.");

    private static IResult Unexpected(Exception exception, HttpContext context)
    {
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiErrors))
            .LogError(exception, "API request {Method} {Path} failed", context.Request.Method, context.Request.Path.Value);
        return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Unexpected error",
            detail: "The server could not complete the request. The error is logged under this problem's correlationId.");
    }

    /// <summary>The validators name C# properties (<c>EclScore</c>, <c>Tags[0]</c>); the API speaks JSON (<c>eclScore</c>, <c>tags[0]</c>).</summary>
    private static Dictionary<string, string[]> JsonFieldNames(IReadOnlyDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => string.Join('.', e.Key.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)), e => e.Value);
}
