using System.Text;

namespace Ava.Domain.Briefings;

/// <summary>The first words of a Markdown text as plain text: headings, list marks, emphasis and quote marks left out.</summary>
public static class BriefingExcerpt
{
    public static string Of(string markdown, int maxLength)
    {
        var builder = new StringBuilder();
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.Trim().TrimStart('#', '>', '-', '*', ' ').Trim();
            if (line.Length == 0 || raw.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(line.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal));
            if (builder.Length >= maxLength)
            {
                break;
            }
        }

        var text = builder.ToString();
        return text.Length <= maxLength ? text : text[..(maxLength - 1)].TrimEnd() + "…";
    }
}
