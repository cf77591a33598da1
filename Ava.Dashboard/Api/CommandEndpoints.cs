using Ava.Dashboard.Security;
using Ava.Infrastructure.Commands;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ava.Dashboard.Api;

/// <summary>/api/v1/commands and /api/v1/executions: the execution queue's services, so the same allow-list, checks, sandbox and audit as the pages.</summary>
internal static class CommandEndpoints
{
    public static void MapCommandEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/commands", ListCommandsAsync)
            .RequireAuthorization(Policies.ViewExecutionQueue)
            .WithTags("Execution queue")
            .WithName("ListCommands")
            .WithSummary("List the commands the caller may run")
            .WithDescription("Every allow-listed command with its arguments, patterns, timeout, output cap, environment, limits and decision, for a caller with execute_commands; an empty list for one who may only view the queue. Needs view_execution_queue.")
            .ProducesApiErrors();

        var executions = api.MapGroup("/executions").WithTags("Execution queue");

        executions.MapPost("", SubmitAsync)
            .RequireAuthorization(Policies.ExecuteCommands)
            .RequireRateLimiting(ApiRateLimits.DecisionPolicy)
            .AcceptsJson<ExecutionSubmitRequest>()
            .WithName("SubmitExecution")
            .WithSummary("Run a command")
            .WithDescription("Queues a run of an allow-listed command, or puts it before an approver when the command needs approval. Each value must match its argument's pattern in full, without control characters or '..' segments; a refused value is answered 400 naming it (arguments[i]) and recorded in the audit log, and nothing is queued. Needs execute_commands.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesApiErrors();

        executions.MapGet("", ListAsync)
            .RequireAuthorization(Policies.ViewExecutionQueue)
            .WithName("ListExecutions")
            .WithSummary("List runs")
            .WithDescription("The queue oldest first, or the history (and both) newest first, filtered by status, command and requester. Needs view_execution_queue.")
            .ProducesValidationProblem()
            .ProducesApiErrors();

        executions.MapGet("/{id:long}", GetAsync)
            .RequireAuthorization(Policies.ViewExecutionQueue)
            .WithName("GetExecution")
            .WithSummary("Get a run")
            .WithDescription("The run with its output: while it runs, the last 64 KiB of each stream, stored four times a second; once it ends, everything kept up to the cap. Needs view_execution_queue.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesApiErrors();

        executions.MapPost("/{id:long}/cancel", CancelAsync)
            .RequireAuthorization(Policies.ExecuteCommands)
            .RequireRateLimiting(ApiRateLimits.DecisionPolicy)
            .WithName("CancelExecution")
            .WithSummary("Cancel a run")
            .WithDescription("A run that has not started ends at once; a running one has its whole process tree killed within a moment. 409 when it has ended. Needs execute_commands.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesApiErrors();

        executions.MapPost("/{id:long}/approve", ApproveAsync)
            .RequireAuthorization(Policies.ApproveAiRecommendations)
            .RequireRateLimiting(ApiRateLimits.DecisionPolicy)
            .WithName("ApproveExecution")
            .WithSummary("Approve a run")
            .WithDescription("Queues a run that awaits approval; it runs as its requester. 422 when the caller asked for the run themselves; 409 when it does not await approval. Needs the approver capability.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesApiErrors();
    }

    private static async Task<Ok<IReadOnlyList<CommandResource>>> ListCommandsAsync(CommandQueueService queue) =>
        TypedResults.Ok<IReadOnlyList<CommandResource>>((await queue.ListRunnableAsync()).Select(CommandResource.From).ToList());

    private static async Task<Created<ExecutionResource>> SubmitAsync(
        JsonBody<ExecutionSubmitRequest> body, CommandQueueService queue, CommandExecutionQueries executions, CancellationToken cancellationToken)
    {
        var values = new ApiValues();
        var command = values.RequiredText(body.Value.Command, "command");
        values.ThrowIfInvalid();
        var id = await queue.SubmitAsync(new CommandRequest(command, body.Value.Arguments ?? []), cancellationToken);
        return TypedResults.Created($"{ApiPaths.Root}/executions/{id}", ExecutionResource.From((await executions.GetAsync(id, cancellationToken))!));
    }

    private static async Task<Ok<ExecutionList>> ListAsync([AsParameters] ExecutionListParameters parameters, CommandExecutionQueries executions, CancellationToken cancellationToken)
    {
        var (query, page) = parameters.ToQuery();
        var runs = await executions.ListAsync(query, page, cancellationToken);
        var items = runs.Items.Select(r => new ExecutionListItem(r.Id, r.CommandName, r.Arguments, r.Status, r.RequestedBy, r.RequestedAt, r.ApprovedBy, r.StartedAt, r.EndedAt, r.ExitCode)).ToList();
        return TypedResults.Ok(new ExecutionList(items, page.Page, page.Size, runs.Total));
    }

    private static async Task<Results<Ok<ExecutionResource>, ProblemHttpResult>> GetAsync(long id, CommandExecutionQueries executions, CancellationToken cancellationToken) =>
        await executions.GetAsync(id, cancellationToken) is { } run ? TypedResults.Ok(ExecutionResource.From(run)) : NotFound(id);

    private static async Task<Ok<ExecutionResource>> CancelAsync(long id, CommandQueueService queue, CommandExecutionQueries executions, CancellationToken cancellationToken)
    {
        await queue.CancelAsync(id, cancellationToken);
        return TypedResults.Ok(ExecutionResource.From((await executions.GetAsync(id, cancellationToken))!));
    }

    private static async Task<Ok<ExecutionResource>> ApproveAsync(long id, CommandQueueService queue, CommandExecutionQueries executions, CancellationToken cancellationToken)
    {
        await queue.ApproveAsync(id, cancellationToken);
        return TypedResults.Ok(ExecutionResource.From((await executions.GetAsync(id, cancellationToken))!));
    }

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Run {id} does not exist.");
}
