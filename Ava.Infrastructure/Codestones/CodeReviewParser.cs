using System.Globalization;
using System.Text.Json;
using Ava.Domain.Codestones;
using Ava.Domain.Common;

namespace Ava.Infrastructure.Codestones;

/// <summary>
/// Reads a validated <c>code_review</c> answer into findings. The template's schema makes the four scores
/// and the ECL required numbers; the lists, the assessment and the status are read when present, in the
/// shapes models write them (a list of strings, or one string; "📝 Draft", "Draft" or "draft").
/// </summary>
public static class CodeReviewParser
{
    /// <summary>The statuses the template lets a reviewer recommend.</summary>
    private static readonly ReviewStatus[] Recommendable = [ReviewStatus.Draft, ReviewStatus.Review, ReviewStatus.Approved];

    /// <exception cref="DomainException">A required score is missing or out of range.</exception>
    public static CodeReviewFindings Parse(JsonElement review)
    {
        if (review.ValueKind != JsonValueKind.Object)
        {
            throw new DomainException("The review is not a JSON object.");
        }

        return new CodeReviewFindings(
            Number(review, "functionality_score", 10),
            Number(review, "code_quality_score", 10),
            Number(review, "security_score", 10),
            Number(review, "performance_score", 10),
            Number(review, "ecl_score", 1),
            Text(review, "overall_assessment"),
            List(review, "strengths"),
            List(review, "weaknesses"),
            List(review, "security_issues"),
            List(review, "recommended_changes"),
            Status(Text(review, "recommended_status")));
    }

    /// <summary>"📝 Draft", "Draft", "draft" → Draft; null when it names no recommendable status or several.</summary>
    public static ReviewStatus? Status(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var named = Recommendable.Where(s => text.Contains(s.ToString(), StringComparison.OrdinalIgnoreCase)).ToList();
        return named.Count == 1 ? named[0] : null;
    }

    private static double Number(JsonElement review, string name, double max)
    {
        if (!review.TryGetProperty(name, out var value))
        {
            throw new DomainException($"The review has no {name}.");
        }

        var number = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => double.NaN,
        };
        return double.IsNaN(number) || number < 0 || number > max
            ? throw new DomainException($"The review's {name} must be a number from 0 to {max.ToString(CultureInfo.InvariantCulture)}.")
            : number;
    }

    private static string? Text(JsonElement review, string name) =>
        review.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IReadOnlyList<string> List(JsonElement review, string name)
    {
        if (!review.TryGetProperty(name, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray()
                .Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() ?? "" : i.GetRawText())
                .Where(i => !string.IsNullOrWhiteSpace(i)).ToList(),
            JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()) => [value.GetString()!],
            _ => [],
        };
    }
}
