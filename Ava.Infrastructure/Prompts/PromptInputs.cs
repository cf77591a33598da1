using System.Globalization;
using System.Text;
using Ava.Domain.Codestones;
using Ava.Domain.Prompts;
using Ava.Domain.Streams;
using Ava.Infrastructure.Ai;

namespace Ava.Infrastructure.Prompts;

/// <summary>
/// The inputs of the two shipped templates, built in one place so that the workflows, the test-run
/// samples, the demo data and the offline generator agree on the format. Stream and codestone text is
/// untrusted; ids, dates and enum names are the product's own.
/// </summary>
public static class PromptInputs
{
    /// <summary>The seeds' briefing rule: Now = 20, otherwise 10; +5 when the ECL is 0.8 or more.</summary>
    public static int BriefingPriority(StreamPriority priority, double? eclScore) =>
        (priority == StreamPriority.Now ? 20 : 10) + (eclScore >= 0.8 ? 5 : 0);

    /// <summary>The id of the briefing's item that says what changed in the product (decisions, changesets, alerts, failed workflows).</summary>
    public const string ProductChangesId = "product:changes";

    /// <summary>Above every stream (at most 25), so what changed in the product is cut last.</summary>
    public const int ProductChangesPriority = 30;

    /// <summary>
    /// A <c>morning_briefing</c> run over <paramref name="streams"/>, one untrusted item per stream (id "stream:{id}"),
    /// and, when given, the text of what changed in the product (id <see cref="ProductChangesId"/>) first.
    /// </summary>
    public static PromptRunRequest Briefing(DateOnly date, IEnumerable<IntelligenceStream> streams, string? subject = null, string? productChanges = null) => new(
        PromptNames.MorningBriefing,
        new Dictionary<string, string> { ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        (productChanges is null ? [] : new[] { new UntrustedItem("intelligence_streams", ProductChangesId, "What changed in the product", productChanges, ProductChangesPriority) })
            .Concat(streams.Select(StreamItem)).ToList(),
        subject ?? $"briefing:{date:yyyy-MM-dd}");

    public static UntrustedItem StreamItem(IntelligenceStream stream)
    {
        var text = new StringBuilder()
            .Append("Title: ").Append(stream.Title).Append('\n')
            .Append("Source: ").Append(stream.Source).Append('\n')
            .Append("Status: ").Append(stream.Status).Append('\n')
            .Append("Priority: ").Append(stream.Priority).Append('\n')
            .Append("ECL: ").Append(stream.EclScore?.ToString("0.00", CultureInfo.InvariantCulture) ?? "none").Append('\n')
            .Append("Tags: ").Append(string.Join(", ", stream.Tags.Select(t => t.Tag))).Append('\n')
            .Append("Created: ").Append(stream.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" UTC\n")
            .Append("Summary: ").Append(stream.Summary)
            .ToString();
        return new UntrustedItem("intelligence_streams", $"stream:{stream.Id}", stream.Title, text, BriefingPriority(stream.Priority, stream.EclScore));
    }

    /// <summary>A <c>code_review</c> run of one codestone: its title and code are untrusted items.</summary>
    public static PromptRunRequest CodeReview(Codestone codestone, string? subject = null) => new(
        PromptNames.CodeReview,
        new Dictionary<string, string>
        {
            ["codestone_id"] = codestone.Id.ToString(CultureInfo.InvariantCulture),
            ["language"] = codestone.Language == CodeLanguage.CSharp ? "C#" : codestone.Language.ToString(),
        },
        [
            new UntrustedItem("title", $"codestone:{codestone.Id}/title", codestone.Title, codestone.Title, Priority: 30),
            new UntrustedItem("code_content", $"codestone:{codestone.Id}", codestone.Title, codestone.Code, Priority: 20),
        ],
        subject ?? $"codestone:{codestone.Id}");
}
