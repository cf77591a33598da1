namespace Ava.Infrastructure.Ai;

/// <summary>An untrusted item as it goes to the model: wrapped, possibly cut, with its token count.</summary>
internal sealed record FittedItem(UntrustedItem Item, string Wrapped, int Tokens, bool Truncated);

/// <summary>What fitted into the budget and what was left out.</summary>
internal sealed record FittedContext(IReadOnlyList<FittedItem> Included, IReadOnlyList<UntrustedItem> Dropped, int InstructionTokens, int ContextTokens)
{
    public int TotalTokens => InstructionTokens + ContextTokens;
}

/// <summary>
/// Fits untrusted context into a version's token budget. The instructions (system context, guard
/// and template text) are never cut; context items are taken from the highest priority down (ties in
/// the caller's order), the first one that does not fit is shortened when a useful part fits, and
/// everything of lower priority is dropped. Items keep their original order in the prompt.
/// </summary>
internal static class ContextBudget
{
    /// <summary>Below this many tokens a shortened item says too little to be worth sending.</summary>
    public const int MinUsefulTokens = 64;

    private const string TruncationNote = "\n[… cut to fit the token budget]";

    /// <returns>The fitted context, or null when the instructions alone exceed the budget.</returns>
    public static FittedContext? Fit(string model, int budget, int instructionTokens, IReadOnlyList<UntrustedItem> items, string token)
    {
        if (instructionTokens > budget)
        {
            return null;
        }

        var available = budget - instructionTokens;
        var ranked = items.Select((item, index) => (item, index))
            .OrderByDescending(x => x.item.Priority)
            .ThenBy(x => x.index)
            .ToList();

        var included = new List<(int Index, FittedItem Fitted)>();
        var dropped = new List<UntrustedItem>();
        var used = 0;
        var full = false;
        foreach (var (item, index) in ranked)
        {
            if (full)
            {
                dropped.Add(item);
                continue;
            }

            var text = UntrustedContent.Sanitize(item.Text);
            var wrapped = UntrustedContent.Wrap(item, token, text);
            var tokens = TokenCounter.Count(model, wrapped) + 2;
            if (used + tokens <= available)
            {
                included.Add((index, new FittedItem(item, wrapped, tokens, false)));
                used += tokens;
                continue;
            }

            full = true;
            var overhead = TokenCounter.Count(model, UntrustedContent.Wrap(item, token, TruncationNote)) + 2;
            // A few tokens of slack: tokens can merge differently where the cut text meets the marker.
            var room = available - used - overhead;
            if (room >= MinUsefulTokens)
            {
                var cut = UntrustedContent.Wrap(item, token, TokenCounter.Truncate(model, text, room - 8) + TruncationNote);
                var cutTokens = TokenCounter.Count(model, cut) + 2;
                if (used + cutTokens <= available)
                {
                    included.Add((index, new FittedItem(item, cut, cutTokens, true)));
                    used += cutTokens;
                    continue;
                }
            }

            dropped.Add(item);
        }

        return new FittedContext(included.OrderBy(x => x.Index).Select(x => x.Fitted).ToList(), dropped, instructionTokens, used);
    }
}
