using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ava.Domain.Prompts;
using Json.Schema;

namespace Ava.Infrastructure.Ai;

/// <summary>A model's answer after validation: the text to keep, the parsed JSON for JSON versions, and every problem found.</summary>
public sealed record ValidatedOutput(string Text, JsonElement? Json, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Checks an answer against its version's rules: JSON is taken from the whole answer or from a
/// ```json fence, parsed, and evaluated against the JSON Schema with one message per failing field;
/// text must have its required sections (as headings) and stay within its length bounds.
/// </summary>
public static partial class OutputValidator
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List };

    public static ValidatedOutput Validate(string? answer, PromptValidation rules) =>
        rules.Format == PromptOutputFormat.Json ? ValidateJson(answer ?? "", rules.JsonSchema) : ValidateText(answer ?? "", rules);

    /// <summary>Parses a JSON Schema once and keeps it; throws <see cref="JsonException"/> when it is not one.</summary>
    public static JsonSchema Schema(string schemaText) => Schemas.GetOrAdd(schemaText, static text => JsonSchema.FromText(text));

    private static ValidatedOutput ValidateJson(string answer, string? schemaText)
    {
        var candidate = ExtractJson(answer);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(candidate);
        }
        catch (JsonException ex)
        {
            return new ValidatedOutput(answer, null, [$"The answer is not valid JSON: {ex.Message}"]);
        }

        if (node is null)
        {
            return new ValidatedOutput(answer, null, ["The answer is JSON null; a JSON object is expected."]);
        }

        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(schemaText))
        {
            var results = Schema(schemaText).Evaluate(node, Evaluation);
            if (!results.IsValid)
            {
                foreach (var detail in (results.Details ?? []).Where(d => d.HasErrors))
                {
                    var location = detail.InstanceLocation.ToString();
                    foreach (var message in detail.Errors!.Values)
                    {
                        errors.Add($"{(location.Length == 0 ? "(root)" : location)}: {message}");
                    }
                }

                if (errors.Count == 0)
                {
                    errors.Add("The JSON does not match the version's schema.");
                }
            }
        }

        using var document = JsonDocument.Parse(candidate);
        return new ValidatedOutput(candidate.Trim(), document.RootElement.Clone(), errors.Distinct().ToList());
    }

    /// <summary>The JSON inside a ```json (or bare ```) fence when there is one, otherwise the answer itself.</summary>
    internal static string ExtractJson(string answer)
    {
        var fenced = JsonFence().Match(answer);
        if (fenced.Success)
        {
            return fenced.Groups["json"].Value.Trim();
        }

        var trimmed = answer.Trim();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return trimmed;
        }

        // Prose around a single object ("Here is the review: {...}").
        var start = trimmed.IndexOf('{', StringComparison.Ordinal);
        var end = trimmed.LastIndexOf('}');
        return start >= 0 && end > start ? trimmed[start..(end + 1)] : trimmed;
    }

    private static ValidatedOutput ValidateText(string answer, PromptValidation rules)
    {
        var text = answer.Trim();
        var errors = new List<string>();
        if (text.Length == 0)
        {
            return new ValidatedOutput(text, null, ["The answer is empty."]);
        }

        if (rules.MinLength is { } min && text.Length < min)
        {
            errors.Add($"The answer is {text.Length} characters long; at least {min} are required.");
        }

        if (rules.MaxLength is { } max && text.Length > max)
        {
            errors.Add($"The answer is {text.Length} characters long; at most {max} are allowed.");
        }

        var headings = Heading().Matches(text).Select(m => m.Groups["title"].Value.Trim().TrimEnd(':').Trim('*').Trim()).ToList();
        foreach (var section in rules.RequiredSections)
        {
            if (!headings.Any(h => h.StartsWith(section, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"The required section \"{section}\" is missing (expected a heading such as \"## {section}\").");
            }
        }

        return new ValidatedOutput(text, null, errors);
    }

    [GeneratedRegex(@"```(?:json|JSON)?[ \t]*\r?\n(?<json>[\s\S]*?)\r?\n?```")]
    private static partial Regex JsonFence();

    [GeneratedRegex(@"^[ \t]*(?:#{1,6}[ \t]+|\*\*)(?<title>[^\n]+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
