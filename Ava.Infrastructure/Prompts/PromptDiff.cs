using System.Globalization;
using System.Text.Json;
using Ava.Domain.Prompts;
using Ava.Domain.Security;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Prompts;

public enum DiffLineKind
{
    Unchanged = 0,
    Added = 1,
    Removed = 2,
}

/// <summary>One line of a diff, with its number on each side (null on the side it is missing from).</summary>
public sealed record DiffLine(DiffLineKind Kind, string Text, int? FromLine, int? ToLine);

/// <summary>One part of a version compared line by line: the template text, system context, settings, validation or changelog.</summary>
public sealed record DiffSection(string Name, int Added, int Removed, IReadOnlyList<DiffLine> Lines)
{
    public bool Changed => Added + Removed > 0;
}

public sealed record PromptVersionDiff(string TemplateName, string From, string To, IReadOnlyList<DiffSection> Sections);

/// <summary>Compares any two versions of a template, part by part and line by line (run_ai_prompts).</summary>
public sealed class PromptDiffService(IDbContextFactory<AvaDbContext> contexts, PermissionGuard guard)
{
    public async Task<PromptVersionDiff> CompareAsync(string name, string from, string to, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.RunAiPrompts);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = await db.PromptTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Name == name, cancellationToken)
            ?? throw new NotFoundException($"There is no prompt template named {name}.");
        var versions = await db.PromptTemplateVersions.AsNoTracking()
            .Where(v => v.TemplateId == template.Id && (v.Number == from || v.Number == to)).ToListAsync(cancellationToken);
        var left = versions.SingleOrDefault(v => v.Number == from) ?? throw new NotFoundException($"{name} has no version {from}.");
        var right = versions.SingleOrDefault(v => v.Number == to) ?? throw new NotFoundException($"{name} has no version {to}.");
        return Compare(name, left, right);
    }

    public static PromptVersionDiff Compare(string name, PromptTemplateVersion from, PromptTemplateVersion to) => new(name, from.Number, to.Number,
    [
        Section("Template text", from.TemplateText, to.TemplateText),
        Section("System context", from.SystemContext, to.SystemContext),
        Section("Settings", Settings(from.Settings), Settings(to.Settings)),
        Section("Validation", Validation(from.Validation), Validation(to.Validation)),
        Section("Changelog", from.Changelog, to.Changelog),
    ]);

    private static DiffSection Section(string name, string before, string after)
    {
        var model = InlineDiffBuilder.Diff(before.ReplaceLineEndings("\n"), after.ReplaceLineEndings("\n"), ignoreWhiteSpace: false);
        int fromLine = 0, toLine = 0;
        var lines = model.Lines.Select(line => line.Type switch
        {
            ChangeType.Inserted => new DiffLine(DiffLineKind.Added, line.Text, null, ++toLine),
            ChangeType.Deleted => new DiffLine(DiffLineKind.Removed, line.Text, ++fromLine, null),
            _ => new DiffLine(DiffLineKind.Unchanged, line.Text, ++fromLine, ++toLine),
        }).ToList();
        return new DiffSection(name, lines.Count(l => l.Kind == DiffLineKind.Added), lines.Count(l => l.Kind == DiffLineKind.Removed), lines);
    }

    internal static string Settings(PromptSettings s) => string.Join('\n',
        $"model: {s.Model}",
        $"max_tokens: {s.MaxTokens.ToString(CultureInfo.InvariantCulture)}",
        $"temperature: {s.Temperature.ToString(CultureInfo.InvariantCulture)}",
        $"context_tokens: {s.ContextTokens.ToString(CultureInfo.InvariantCulture)}");

    internal static string Validation(PromptValidation v)
    {
        var lines = new List<string> { $"output_format: {v.Format.ToString().ToLowerInvariant()}" };
        if (v.MinLength is { } min)
        {
            lines.Add($"min_length: {min.ToString(CultureInfo.InvariantCulture)}");
        }

        if (v.MaxLength is { } max)
        {
            lines.Add($"max_length: {max.ToString(CultureInfo.InvariantCulture)}");
        }

        lines.AddRange(v.RequiredSections.Select(s => $"required_section: {s}"));
        if (!string.IsNullOrWhiteSpace(v.JsonSchema))
        {
            lines.Add("json_schema:");
            lines.AddRange(PrettySchema(v.JsonSchema).Split('\n'));
        }

        return string.Join('\n', lines);
    }

    /// <summary>The schema indented the same way on both sides, so a diff shows changed fields, not changed whitespace.</summary>
    private static string PrettySchema(string schema)
    {
        try
        {
            using var document = JsonDocument.Parse(schema);
            return JsonSerializer.Serialize(document.RootElement, new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n");
        }
        catch (JsonException)
        {
            return schema;
        }
    }
}
