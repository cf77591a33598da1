using System.Globalization;
using System.Text;
using Ava.Infrastructure.Prompts;

namespace Ava.Infrastructure.Ai;

/// <summary>
/// The offline generator's briefing: themes by tag and source, urgent items (priority Now),
/// deployment candidates (ECL ≥ 0.8) and risks, from the stream items of the prompt, with one
/// section per heading the template asks for and each stream cited by its id. What changed in the
/// product (the <see cref="PromptInputs.ProductChangesId"/> item) goes into the summary, and its open
/// alerts and failed workflows into the risks.
/// </summary>
internal static class OfflineBriefingWriter
{
    private static readonly string[] RiskWords = ["blocker", "blocked", "outage", "incident", "vulnerab", "cve-", "regression", "failing", "failed", "breach", "leak", "deadline", "security"];

    private sealed record Stream(string Id, string Title, string Source, string Priority, double? Ecl, IReadOnlyList<string> Tags, string Summary);

    /// <summary>The product's own changes as the prompt states them: the counts, and the alert and failure lines.</summary>
    private sealed record Product(int Decided, int Applied, int RolledBack, int OpenAlerts, int FailedWorkflows, IReadOnlyList<string> Risks);

    public static string Write(IReadOnlyList<string> headings, IReadOnlyList<OfflineItem> items, string? date, int? maxLength)
    {
        var streams = items.Where(i => i.Source != PromptInputs.ProductChangesId).Select(Parse).ToList();
        var product = items.FirstOrDefault(i => i.Source == PromptInputs.ProductChangesId) is { } changes ? ParseProduct(changes) : null;
        var listSize = maxLength is { } max ? Math.Max(1, max / 1000) : 4;
        var day = date ?? "today";
        for (; ; listSize--)
        {
            var text = Compose(headings.Count > 0 ? headings : ["Summary"], streams, product, day, listSize);
            if (maxLength is null || text.Length <= maxLength || listSize <= 1)
            {
                return maxLength is { } limit && text.Length > limit ? text[..limit] : text;
            }
        }
    }

    private static string Compose(IReadOnlyList<string> headings, List<Stream> streams, Product? product, string day, int listSize)
    {
        var builder = new StringBuilder();
        builder.Append("> ").Append(OfflineChatClient.Notice).Append("\n\n");
        foreach (var heading in headings)
        {
            builder.Append("## ").Append(heading).Append('\n');
            foreach (var line in Section(heading, streams, day, listSize).Concat(ProductLines(heading, product, listSize)))
            {
                builder.Append(line).Append('\n');
            }

            builder.Append('\n');
        }

        return builder.ToString().TrimEnd() + "\n";
    }

    private static IEnumerable<string> Section(string heading, List<Stream> streams, string day, int n)
    {
        var urgent = streams.Where(s => s.Priority.Contains("Now", StringComparison.OrdinalIgnoreCase)).ToList();
        var candidates = streams.Where(s => s.Ecl >= 0.8).OrderByDescending(s => s.Ecl).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var risks = streams.Where(s => RiskWords.Any(w => (s.Title + " " + s.Summary + " " + string.Join(' ', s.Tags)).Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
        var key = heading.ToLowerInvariant();
        if (streams.Count == 0)
        {
            return [$"- No streams in the period of {day}: nothing to report under {heading.ToLowerInvariant()}."];
        }

        if (key.Contains("summary", StringComparison.Ordinal))
        {
            var sources = streams.GroupBy(s => s.Source).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            return [$"{streams.Count} stream{Plural(streams.Count)} for {day} ({string.Join(", ", sources)}). {urgent.Count} {(urgent.Count == 1 ? "is" : "are")} marked priority Now, {candidates.Count} {(candidates.Count == 1 ? "has" : "have")} an ECL of 0.8 or more, and {risks.Count} mention{(risks.Count == 1 ? "s" : "")} a risk. Counts come from the streams' fields; the offline generator does not judge their content."];
        }

        if (key.Contains("theme", StringComparison.Ordinal))
        {
            var byTag = streams.SelectMany(s => s.Tags.Select(t => (Tag: t, Stream: s))).GroupBy(x => x.Tag)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(n).ToList();
            var lines = byTag.Select(g => $"- #{g.Key}: {g.Count()} stream{Plural(g.Count())}, e.g. {Cite(g.First().Stream)}").ToList();
            var bySource = streams.GroupBy(s => s.Source).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
            lines.Add($"- Most active source: {bySource.Key} with {bySource.Count()} stream{Plural(bySource.Count())}");
            return lines;
        }

        if (key.Contains("urgent", StringComparison.Ordinal))
        {
            return urgent.Count == 0 ? ["- Nothing is marked priority Now."] : urgent.Take(n).Select(s => $"- {Cite(s)} — priority Now, from {s.Source}; deadline: today").Concat(More(urgent.Count, n));
        }

        if (key.Contains("action", StringComparison.Ordinal))
        {
            var first = urgent.FirstOrDefault() ?? risks.FirstOrDefault() ?? streams[0];
            return
            [
                $"1. Triage the {Math.Max(urgent.Count, 1)} most urgent stream{Plural(Math.Max(urgent.Count, 1))}, starting with {Cite(first)} - Owner: on-call engineer - Deadline: {day} - Dependencies: none",
                $"2. Review the {candidates.Count} deployment candidate{Plural(candidates.Count)} and approve or reject each - Owner: release manager - Deadline: {day} - Dependencies: passing CI",
                $"3. Follow up the {risks.Count} stream{Plural(risks.Count)} that mention{(risks.Count == 1 ? "s" : "")} a risk - Owner: stream authors - Deadline: end of week - Dependencies: triage above",
            ];
        }

        if (key.Contains("deploy", StringComparison.Ordinal) || key.Contains("candidate", StringComparison.Ordinal))
        {
            return candidates.Count == 0
                ? ["- None: no stream has an ECL of 0.8 or more."]
                : candidates.Take(n).Select(s => $"- {Cite(s)} (ECL: {s.Ecl!.Value.ToString("0.00", CultureInfo.InvariantCulture)}) - {FirstSentence(s.Summary)}").Concat(More(candidates.Count, n));
        }

        if (key.Contains("risk", StringComparison.Ordinal) || key.Contains("block", StringComparison.Ordinal))
        {
            return risks.Count == 0
                ? ["- No stream mentions a blocker, incident, regression or security problem."]
                : risks.Take(n).Select(s => $"- {Cite(s)} mentions {RiskWords.First(w => (s.Title + " " + s.Summary + " " + string.Join(' ', s.Tags)).Contains(w, StringComparison.OrdinalIgnoreCase)).TrimEnd('-')} - Mitigation: confirm an owner and a date in the stream").Concat(More(risks.Count, n));
        }

        return [$"- The offline generator has no rule for \"{heading}\"; {streams.Count} stream{Plural(streams.Count)} were read."];
    }

    private static IEnumerable<string> ProductLines(string heading, Product? product, int n)
    {
        var key = heading.ToLowerInvariant();
        if (product is null)
        {
            return [];
        }

        if (key.Contains("summary", StringComparison.Ordinal))
        {
            return [$"In the product: {product.Decided} recommendation{Plural(product.Decided)} decided, {product.Applied} changeset{Plural(product.Applied)} applied and {product.RolledBack} rolled back; {product.OpenAlerts} alert{Plural(product.OpenAlerts)} open and {product.FailedWorkflows} workflow{Plural(product.FailedWorkflows)} failed. [{PromptInputs.ProductChangesId}]"];
        }

        return key.Contains("risk", StringComparison.Ordinal) || key.Contains("block", StringComparison.Ordinal)
            ? product.Risks.Take(n).Select(r => $"- {r} [{PromptInputs.ProductChangesId}] - Mitigation: an administrator looks at it today")
            : [];
    }

    private static Product ParseProduct(OfflineItem item)
    {
        int Count(string name) => int.TryParse((item.Field(name) ?? "").Split(' ', 2)[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var risks = new List<string>();
        string? section = null;
        foreach (var line in item.Text.Split('\n'))
        {
            if (!line.StartsWith("- ", StringComparison.Ordinal))
            {
                section = line.StartsWith("Open alerts:", StringComparison.Ordinal) ? "Open alert"
                    : line.StartsWith("Failed workflows:", StringComparison.Ordinal) ? "Failed workflow"
                    : null;
            }
            else if (section is not null && !line.StartsWith("- and ", StringComparison.Ordinal))
            {
                risks.Add($"{section}: {line[2..].Trim()}");
            }
        }

        return new Product(Count("Recommendations decided"), Count("Changesets applied"), Count("Changesets rolled back"), Count("Open alerts"), Count("Failed workflows"), risks);
    }

    private static Stream Parse(OfflineItem item)
    {
        var ecl = double.TryParse(item.Field("ECL"), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : (double?)null;
        var tags = (item.Field("Tags") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t => t.ToLowerInvariant()).ToList();
        var summaryAt = item.Text.IndexOf("\nSummary:", StringComparison.Ordinal);
        var summary = summaryAt >= 0 ? item.Text[(summaryAt + 9)..].Trim() : "";
        var title = item.Field("Title") ?? item.Source;
        return new Stream(item.Source, title, item.Field("Source") ?? "Unknown", item.Field("Priority") ?? "", ecl, tags, summary);
    }

    private static string Cite(Stream s) => $"“{(s.Title.Length > 60 ? s.Title[..59] + "…" : s.Title)}” [{s.Id}]";

    private static string FirstSentence(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim().TrimStart('#', ' ');
        var end = line.IndexOfAny(['.', '!', '?']);
        var sentence = end > 0 ? line[..(end + 1)] : line;
        return sentence.Length == 0 ? "no summary" : sentence.Length > 90 ? sentence[..89] + "…" : sentence;
    }

    private static IEnumerable<string> More(int count, int shown) => count > shown ? [$"- and {count - shown} more"] : [];

    private static string Plural(int count) => count == 1 ? "" : "s";
}
