using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Ava.Dashboard.Components.Shared;

/// <summary>One row of a text diff: a line, or a run of unchanged lines folded away (<see cref="Folded"/> of them).</summary>
public sealed record DiffRow(ChangeType Type, string Text, int Folded = 0);

/// <summary>What <see cref="TextDiff"/> shows; <see cref="Shown"/> is false when the texts are too large to compare inline.</summary>
public sealed record TextDiffResult(bool Shown, IReadOnlyList<DiffRow> Rows, int Added, int Removed, bool Truncated, int BeforeLines, int AfterLines);

/// <summary>
/// A line diff with its work bounded: texts over <see cref="MaxLines"/> lines on either side are not
/// compared (a line-level comparison costs up to the product of the line counts), unchanged runs fold
/// to <see cref="ContextLines"/> lines around each change, and at most <see cref="MaxRows"/> rows are
/// shown. Whatever is not shown inline can be downloaded in full.
/// </summary>
public static class TextDiffModel
{
    public const int MaxLines = 2_000;
    public const int MaxRows = 600;
    public const int ContextLines = 3;

    public static TextDiffResult Build(string? before, string? after)
    {
        var left = Normalize(before);
        var right = Normalize(after);
        var beforeLines = CountLines(left);
        var afterLines = CountLines(right);
        if (beforeLines > MaxLines || afterLines > MaxLines)
        {
            return new TextDiffResult(false, [], 0, 0, false, beforeLines, afterLines);
        }

        var lines = InlineDiffBuilder.Diff(left, right, ignoreWhiteSpace: false).Lines;
        var added = lines.Count(l => l.Type == ChangeType.Inserted);
        var removed = lines.Count(l => l.Type == ChangeType.Deleted);
        var rows = Fold(lines);
        var truncated = rows.Count > MaxRows;
        return new TextDiffResult(true, truncated ? rows.Take(MaxRows).ToList() : rows, added, removed, truncated, beforeLines, afterLines);
    }

    /// <summary>Keeps <see cref="ContextLines"/> unchanged lines on each side of a change and folds the rest.</summary>
    private static List<DiffRow> Fold(IReadOnlyList<DiffPiece> lines)
    {
        var changed = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type is ChangeType.Inserted or ChangeType.Deleted)
            {
                for (var j = Math.Max(0, i - ContextLines); j <= Math.Min(lines.Count - 1, i + ContextLines); j++)
                {
                    changed[j] = true;
                }
            }
        }

        var rows = new List<DiffRow>();
        var folded = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (changed[i] || lines.Count <= 2 * ContextLines + 1)
            {
                if (folded > 0)
                {
                    rows.Add(new DiffRow(ChangeType.Unchanged, "", folded));
                    folded = 0;
                }

                rows.Add(new DiffRow(lines[i].Type == ChangeType.Modified ? ChangeType.Unchanged : lines[i].Type, lines[i].Text ?? ""));
            }
            else
            {
                folded++;
            }
        }

        if (folded > 0)
        {
            rows.Add(new DiffRow(ChangeType.Unchanged, "", folded));
        }

        return rows;
    }

    // The line break that ends the last line would otherwise show as an empty line of its own.
    public static string Normalize(string? text)
    {
        var normalized = (text ?? "").ReplaceLineEndings("\n");
        return normalized.EndsWith('\n') ? normalized[..^1] : normalized;
    }

    private static int CountLines(string text) => text.Length == 0 ? 0 : text.AsSpan().Count('\n') + 1;
}
