using System.Diagnostics;
using Ava.Domain.Audit;
using Ava.Domain.Prompts;
using Ava.Domain.Security;
using Ava.Domain.Settings;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Ava.Infrastructure.Ai;

/// <summary>
/// The one path from the product to a model. It loads the template version, prepares the prompt
/// (placeholders, wrapped and budgeted untrusted items, injection score), calls the provider, validates
/// the answer, retries once with the exact errors, and records a <see cref="PromptRun"/> whatever
/// happens. Callers need run_ai_prompts, and each run spends one of the caller's AI actions.
/// </summary>
public sealed class PromptRunner(
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    AiActionLimiter limiter,
    IAiProvider provider,
    InjectionScorer scorer,
    PromptRunRecorder recorder,
    CapabilityGuard capabilities,
    TimeProvider clock,
    ILogger<PromptRunner> logger)
{
    /// <summary>Runs a template for the signed-in caller (the active version, or <see cref="PromptRunRequest.Version"/>).</summary>
    public async Task<PromptRunResult> RunAsync(PromptRunRequest request, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.RunAiPrompts);
        await capabilities.DemandAsync(Capabilities.AiFeatures);
        limiter.Spend(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? user.DisplayName());
        return await ExecuteAsync(request, user.DisplayName(), null, cancellationToken);
    }

    /// <summary>
    /// Runs as the system, without a user's permission or rate limit: for start-up work such as the
    /// demo seeding. Not reachable from a page or an endpoint.
    /// </summary>
    /// <param name="recordedAt">Demo history: when the run is recorded as having started (it really runs now).</param>
    internal Task<PromptRunResult> RunAsSystemAsync(PromptRunRequest request, DateTimeOffset? recordedAt = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(request, AuditActor.System().UserName, AuditActor.System(CorrelationContext.Id), cancellationToken, recordedAt);

    private async Task<PromptRunResult> ExecuteAsync(PromptRunRequest request, string caller, AuditActor? actor, CancellationToken cancellationToken, DateTimeOffset? recordedAt = null)
    {
        var watch = Stopwatch.StartNew();
        var startedAt = recordedAt ?? clock.GetUtcNow();
        var (template, version) = await LoadAsync(request, cancellationToken);
        var prepared = PromptPreparation.Prepare(version, request, provider.Model, scorer);
        var exchange = new Exchange();
        string? error = prepared.BudgetError;
        var outcome = PromptRunOutcome.BudgetExceeded;
        ValidatedOutput? output = null;

        if (prepared.Context is not null)
        {
            List<ChatMessage> messages = [new(ChatRole.System, prepared.System), new(ChatRole.User, prepared.User)];
            var options = new ChatOptions
            {
                MaxOutputTokens = version.MaxTokens,
                Temperature = (float)version.Temperature,
                ResponseFormat = version.OutputFormat == PromptOutputFormat.Json ? ChatResponseFormat.Json : ChatResponseFormat.Text,
            };
            try
            {
                output = await AttemptAsync(messages, options, version, prepared.Tokens, exchange, cancellationToken);
                if (!output.IsValid)
                {
                    // One retry, telling the model exactly what was wrong.
                    messages.Add(new ChatMessage(ChatRole.Assistant, output.Text));
                    messages.Add(new ChatMessage(ChatRole.User, Reminder(version, output.Errors)));
                    output = await AttemptAsync(messages, options, version, prepared.Tokens + TokenCounter.Count(provider.Model, output.Text + messages[^1].Text), exchange, cancellationToken);
                }

                outcome = output.IsValid ? PromptRunOutcome.Succeeded : PromptRunOutcome.ValidationFailed;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                outcome = PromptRunOutcome.ProviderFailed;
                error = ProviderError(ex);
                logger.LogWarning(ex, "AI provider {Provider} failed on {Template} {Version} after {Attempts} attempt(s)", provider.DisplayName, template.Name, version.Number, exchange.Attempts);
            }
        }

        var record = new PromptRunRecord(
            template.Id, template.Name, version.Id, version.Number, caller, request.Subject, provider.Kind.ToString(), exchange.Model ?? provider.Model,
            exchange.TokensIn, exchange.TokensOut, exchange.Estimated, (int)watch.ElapsedMilliseconds, exchange.Attempts, outcome,
            output?.Errors ?? [], error, prepared.Injection.Score, prepared.Injection.Reasons, prepared.Injection.Flagged, request.IsTest,
            prepared.Context?.Included.Count ?? 0, prepared.Context?.Dropped.Count ?? request.Items.Count,
            prepared.Context?.Included.Select(i => i.Item.Id).ToList() ?? [], output?.Text, startedAt);
        var runId = await recorder.RecordAsync(record, prepared.Injection, actor, cancellationToken);

        return new PromptRunResult(
            runId, template.Name, version.Number, outcome, output?.Text, outcome == PromptRunOutcome.Succeeded ? output?.Json : null,
            output?.Errors ?? [], error, prepared.Injection,
            record.ContextSources, prepared.Context?.Dropped.Select(d => d.Id).ToList() ?? request.Items.Select(i => i.Id).ToList(),
            provider.DisplayName, record.Model, !provider.IsEnabled, record.TokensIn, record.TokensOut, record.TokensEstimated, record.Attempts, (int)watch.ElapsedMilliseconds)
        {
            VersionId = version.Id,
        };
    }

    private async Task<ValidatedOutput> AttemptAsync(
        List<ChatMessage> messages, ChatOptions options, PromptTemplateVersion version, int estimatedInput, Exchange exchange, CancellationToken cancellationToken)
    {
        exchange.Attempts++;
        var response = await ((AiProvider)provider).ChatClient.GetResponseAsync(messages, options, cancellationToken);
        var text = response.Text;
        exchange.Model ??= response.ModelId;
        if (response.Usage is { InputTokenCount: { } input, OutputTokenCount: { } produced })
        {
            exchange.TokensIn += (int)input;
            exchange.TokensOut += (int)produced;
        }
        else
        {
            exchange.Estimated = true;
            exchange.TokensIn += estimatedInput;
            exchange.TokensOut += TokenCounter.Count(provider.Model, text);
        }

        return OutputValidator.Validate(text, version.Validation);
    }

    private static string Reminder(PromptTemplateVersion version, IReadOnlyList<string> errors)
    {
        var format = version.OutputFormat == PromptOutputFormat.Json
            ? "Answer again with one JSON object that matches the required schema, and nothing else."
            : $"Answer again in the output format of the instructions{(version.RequiredSections.Count > 0 ? ", with the sections " + string.Join(", ", version.RequiredSections.Select(s => $"\"## {s}\"")) : "")}.";
        return "Your previous answer did not pass validation:\n" + string.Join("\n", errors.Select(e => "- " + e)) + "\n" + format;
    }

    private static string ProviderError(Exception ex) => ex switch
    {
        System.ClientModel.ClientResultException result => $"The provider answered {result.Status}: {FirstLine(result.Message)}",
        TaskCanceledException or TimeoutException => "The provider did not answer within Ai:TimeoutSeconds.",
        HttpRequestException http => $"The provider could not be reached: {FirstLine(http.Message)}",
        _ => $"{ex.GetType().Name}: {FirstLine(ex.Message)}",
    };

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] : line;
    }

    private async Task<(PromptTemplate Template, PromptTemplateVersion Version)> LoadAsync(PromptRunRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = await db.PromptTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Name == request.TemplateName, cancellationToken)
            ?? throw new NotFoundException($"There is no prompt template named {request.TemplateName}.");
        var versions = db.PromptTemplateVersions.AsNoTracking().Where(v => v.TemplateId == template.Id);
        var version = request.Version is null
            ? await versions.SingleOrDefaultAsync(v => v.Id == template.ActiveVersionId, cancellationToken)
                ?? throw new NotFoundException($"{template.Name} has no active version.")
            : await versions.SingleOrDefaultAsync(v => v.Number == request.Version, cancellationToken)
                ?? throw new NotFoundException($"{template.Name} has no version {request.Version}.");
        return (template, version);
    }

    /// <summary>What the calls of one run added up to.</summary>
    private sealed class Exchange
    {
        public int Attempts { get; set; }

        public int TokensIn { get; set; }

        public int TokensOut { get; set; }

        public bool Estimated { get; set; }

        public string? Model { get; set; }
    }
}
