using Ava.Domain.Common;
using Ava.Domain.Prompts;

namespace Ava.Infrastructure.Ai;

/// <summary>A prompt ready to send: its two messages, what it cost in tokens, what was left out, and how suspicious its input looks.</summary>
internal sealed record PreparedPrompt(
    string System,
    string User,
    FittedContext? Context,
    RunInjection Injection,
    string? BudgetError)
{
    public int Tokens => Context?.TotalTokens ?? 0;
}

/// <summary>
/// The pipeline's own work before the call, free of I/O so it can be measured and tested alone:
/// render the trusted placeholders, wrap each untrusted item with a per-request token, fit the items
/// into the version's token budget, and score what reaches the model.
/// </summary>
internal static class PromptPreparation
{
    /// <summary>What fills a placeholder whose items were all dropped, or that was given none.</summary>
    public const string NoItems = "(no items)";

    public static PreparedPrompt Prepare(PromptTemplateVersion version, PromptRunRequest request, string model, InjectionScorer scorer)
    {
        var placeholders = version.Placeholders;
        foreach (var item in request.Items.Where(i => !placeholders.Contains(i.Placeholder, StringComparer.Ordinal)))
        {
            throw new DomainException($"The template {version.Number} has no placeholder {{{item.Placeholder}}} for the item {item.Id}.");
        }

        var token = UntrustedContent.NewToken();
        var system = version.SystemContext.TrimEnd() + "\n\n" + UntrustedContent.Guard(token);
        var trusted = request.Placeholders.ToDictionary(p => p.Key, p => UntrustedContent.Sanitize(p.Value), StringComparer.Ordinal);
        var itemPlaceholders = request.Items.Select(i => i.Placeholder).ToHashSet(StringComparer.Ordinal);

        // The instructions alone: every untrusted placeholder empty.
        var skeleton = Render(version, trusted, itemPlaceholders, []);
        var instructionTokens = TokenCounter.Count(model, system) + TokenCounter.Count(model, skeleton) + 8;
        var context = ContextBudget.Fit(model, version.ContextTokens, instructionTokens, request.Items, token);
        if (context is null)
        {
            return new PreparedPrompt(system, skeleton, null, Score([], scorer),
                $"The instructions take {instructionTokens} tokens; the version's budget is {version.ContextTokens}.");
        }

        var user = Render(version, trusted, itemPlaceholders, context.Included);
        return new PreparedPrompt(system, user, context, Score(context.Included, scorer), null);
    }

    private static string Render(PromptTemplateVersion version, Dictionary<string, string> trusted, HashSet<string> itemPlaceholders, IReadOnlyList<FittedItem> included)
    {
        var values = new Dictionary<string, string>(trusted, StringComparer.Ordinal);
        foreach (var placeholder in itemPlaceholders)
        {
            var wrapped = included.Where(i => i.Item.Placeholder == placeholder).Select(i => i.Wrapped).ToList();
            values[placeholder] = wrapped.Count == 0 ? NoItems : string.Join("\n\n", wrapped);
        }

        return TemplatePlaceholders.Render(version.TemplateText, values);
    }

    private static RunInjection Score(IReadOnlyList<FittedItem> included, InjectionScorer scorer)
    {
        var items = included.Select(i =>
        {
            var assessment = scorer.Score(i.Item.Text);
            return new ItemAssessment(i.Item.Id, i.Item.Label, assessment.Score, assessment.Flagged, assessment.Reasons);
        }).ToList();
        var worst = items.Count == 0 ? 0 : items.Max(i => i.Score);
        var reasons = items.Where(i => i.Score > 0).OrderByDescending(i => i.Score)
            .SelectMany(i => i.Reasons.Select(r => $"{i.Id}: {r}")).Take(20).ToList();
        return new RunInjection(worst, items.Any(i => i.Flagged), reasons, items.Where(i => i.Score > 0).ToList());
    }
}
