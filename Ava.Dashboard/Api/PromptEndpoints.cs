using Ava.Dashboard.Security;
using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Prompts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ava.Dashboard.Api;

/// <summary>/api/v1/prompts and /api/v1/ai/screen: the prompt service, diff, metrics and the injection scorer, the same services as /prompts.</summary>
internal static class PromptEndpoints
{
    public static void MapPromptEndpoints(this RouteGroupBuilder api)
    {
        var prompts = api.MapGroup("/prompts").WithTags("Prompts");

        prompts.MapGet("", ListAsync).RequireAuthorization(Policies.RunAiPrompts)
            .WithName("ListPrompts").WithSummary("List prompt templates")
            .WithDescription("Each template with its active version, how many versions it has and its recent runs. Needs run_ai_prompts.")
            .ProducesApiErrors();

        prompts.MapGet("/{name}", GetAsync).RequireAuthorization(Policies.RunAiPrompts)
            .WithName("GetPrompt").WithSummary("Get a template")
            .WithDescription("Its versions (newest first), the active one and the activation history. Needs run_ai_prompts.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesApiErrors();

        prompts.MapGet("/{name}/versions/{version}", GetVersionAsync).RequireAuthorization(Policies.RunAiPrompts)
            .WithName("GetPromptVersion").WithSummary("Get a version")
            .WithDescription("The version's template text, system context, settings, validation rules and changelog line. Needs run_ai_prompts.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesApiErrors();

        prompts.MapPost("/{name}/versions", CreateVersionAsync).RequireAuthorization(Policies.ModifySchemas)
            .AcceptsJson<PromptVersionCreateRequest>()
            .WithName("CreatePromptVersion").WithSummary("Create a version")
            .WithDescription("Starts from basedOn (fields left out are copied from it); needs a version above every existing one and a changelog line. The new version is not active. Needs modify_schemas.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesApiErrors();

        prompts.MapPost("/{name}/activate", ActivateAsync).RequireAuthorization(Policies.ModifySchemas)
            .AcceptsJson<PromptActivateRequest>()
            .WithName("ActivatePromptVersion").WithSummary("Activate a version (or roll back)")
            .WithDescription("Makes the version active with a required reason, kept in the activation history and the audit log. 422 when it is active already; 409 when someone else activated a version at the same moment. Needs modify_schemas.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesApiErrors();

        prompts.MapGet("/{name}/diff", DiffAsync).RequireAuthorization(Policies.RunAiPrompts)
            .WithName("DiffPromptVersions").WithSummary("Compare two versions")
            .WithDescription("Template text, system context, settings, validation and changelog, line by line. Needs run_ai_prompts.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesApiErrors();

        prompts.MapGet("/{name}/metrics", MetricsAsync).RequireAuthorization(Policies.RunAiPrompts)
            .WithName("GetPromptMetrics").WithSummary("Per-version metrics")
            .WithDescription("Computed from the recorded runs over the period (default: the last 30 days): runs, success, validation-failure and retry rates, p50/p95 latency, average tokens, flagged runs; per day for charts. Test runs are left out unless includeTestRuns=true. Needs run_ai_prompts.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesApiErrors();

        prompts.MapPost("/{name}/versions/{version}/test-run", TestRunAsync).RequireAuthorization(Policies.ModifySchemas)
            .AcceptsJson<PromptTestRunRequest>()
            .WithName("TestRunPromptVersion").WithSummary("Test-run a version")
            .WithDescription("Runs the version (active or not) on sample input through the AI pipeline and records it as a test run. Spends one of the caller's AI actions (429 when none is left). Needs modify_schemas and run_ai_prompts.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesApiErrors();

        api.MapPost("/ai/screen", ScreenAsync).RequireAuthorization(Policies.RunAiPrompts)
            .AcceptsJson<ScreenRequest>()
            .WithTags("AI").WithName("ScreenText").WithSummary("Screen text for prompt injection")
            .WithDescription("Scores the text from 0 to 1 with the reasons, as the AI pipeline scores untrusted content; flagged at the configured threshold. Needs run_ai_prompts.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesApiErrors();
    }

    private static async Task<Ok<IReadOnlyList<PromptTemplateSummary>>> ListAsync(PromptService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ListAsync(cancellationToken));

    private static async Task<Results<Ok<PromptTemplateDetail>, ProblemHttpResult>> GetAsync(string name, PromptService service, CancellationToken cancellationToken) =>
        await service.GetAsync(name, cancellationToken) is { } template ? TypedResults.Ok(template) : NotFound($"There is no prompt template named {name}.");

    private static async Task<Results<Ok<PromptVersionDetail>, ProblemHttpResult>> GetVersionAsync(string name, string version, PromptService service, CancellationToken cancellationToken) =>
        await service.GetVersionAsync(name, version, cancellationToken) is { } detail ? TypedResults.Ok(detail) : NotFound($"{name} has no version {version}.");

    private static async Task<Results<Created<PromptVersionDetail>, ProblemHttpResult>> CreateVersionAsync(
        string name, JsonBody<PromptVersionCreateRequest> body, PromptService service, CancellationToken cancellationToken)
    {
        var request = body.Value;
        var values = new ApiValues();
        var basedOnNumber = values.RequiredText(request.BasedOn, "basedOn");
        values.ThrowIfInvalid();
        if (await service.GetAsync(name, cancellationToken) is null)
        {
            return NotFound($"There is no prompt template named {name}.");
        }

        var basedOn = await service.GetVersionAsync(name, basedOnNumber, cancellationToken)
            ?? throw new InvalidValuesException(new Dictionary<string, string[]> { ["basedOn"] = [$"{name} has no version {basedOnNumber}."] });
        var created = await service.CreateVersionAsync(name, request.ToValues(basedOn), cancellationToken);
        return TypedResults.Created($"{ApiPaths.Root}/prompts/{name}/versions/{created.Number}", created);
    }

    private static async Task<Ok<PromptTemplateDetail>> ActivateAsync(string name, JsonBody<PromptActivateRequest> body, PromptService service, CancellationToken cancellationToken)
    {
        var values = new ApiValues();
        var version = values.RequiredText(body.Value.Version, "version");
        var reason = values.RequiredText(body.Value.Reason, "reason");
        values.Check(reason.Trim().Length > 0 || body.Value.Reason is null, "reason", "'reason' must say why the version is activated.");
        values.ThrowIfInvalid();
        return TypedResults.Ok(await service.ActivateAsync(name, version, reason, cancellationToken));
    }

    private static async Task<Ok<PromptVersionDiff>> DiffAsync(string name, [FromQuery] string? from, [FromQuery] string? to, PromptDiffService diffs, CancellationToken cancellationToken)
    {
        var values = new ApiValues();
        var left = values.RequiredText(from, "from");
        var right = values.RequiredText(to, "to");
        values.ThrowIfInvalid();
        return TypedResults.Ok(await diffs.CompareAsync(name, left, right, cancellationToken));
    }

    private static async Task<Ok<PromptMetricsReport>> MetricsAsync(
        string name, [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to, [FromQuery] bool? includeTestRuns,
        PromptMetricsQueries metrics, TimeProvider clock, CancellationToken cancellationToken)
    {
        var end = to ?? clock.GetUtcNow();
        return TypedResults.Ok(await metrics.ForTemplateAsync(name, from ?? end.AddDays(-30), end, includeTestRuns ?? false, cancellationToken));
    }

    private static async Task<Ok<PromptTestRunResource>> TestRunAsync(
        string name, string version, JsonBody<PromptTestRunRequest> body, PromptService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(PromptTestRunResource.From(await service.TestRunAsync(name, version, body.Value.ToInput(), cancellationToken)));

    private static async Task<Ok<ScreenResource>> ScreenAsync(JsonBody<ScreenRequest> body, InjectionScreening screening, InjectionScorer scorer)
    {
        var values = new ApiValues();
        var text = values.RequiredText(body.Value.Text, "text");
        values.ThrowIfInvalid();
        var result = await screening.ScreenAsync(text);
        return TypedResults.Ok(new ScreenResource(result.Score, result.Flagged, scorer.Threshold, result.Reasons));
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
