using System.Text;
using Ava.Domain.Common;

namespace Ava.Domain.Prompts;

/// <summary>
/// The placeholder syntax of template texts, the one the seed templates are written in:
/// <c>{name}</c> is replaced, <c>{{</c> and <c>}}</c> stand for literal braces.
/// </summary>
public static class TemplatePlaceholders
{
    /// <summary>The placeholder names in order of first use; throws <see cref="DomainException"/> for a stray brace or a bad name.</summary>
    public static IReadOnlyList<string> Find(string text)
    {
        var names = new List<string>();
        Walk(text, name =>
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }

            return "";
        }, output: null);
        return names;
    }

    /// <summary>The text with every placeholder replaced by its value; a placeholder without a value is an error naming it.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values)
    {
        var output = new StringBuilder(text.Length + values.Values.Sum(v => v.Length));
        Walk(text, name => values.TryGetValue(name, out var value)
            ? value
            : throw new DomainException($"The template needs a value for {{{name}}}."), output);
        return output.ToString();
    }

    private static void Walk(string text, Func<string, string> replace, StringBuilder? output)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                output?.Append('{');
                i += 2;
            }
            else if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                output?.Append('}');
                i += 2;
            }
            else if (c == '{')
            {
                var end = text.IndexOf('}', i + 1);
                var name = end < 0 ? "" : text[(i + 1)..end];
                if (end < 0 || !IsName(name))
                {
                    throw new DomainException($"Line {Line(text, i)}: '{{' starts a placeholder such as {{date}}; write '{{{{' for a literal brace.");
                }

                // Evaluated even without output: Find collects the names through it.
                var value = replace(name);
                output?.Append(value);
                i = end + 1;
            }
            else if (c == '}')
            {
                throw new DomainException($"Line {Line(text, i)}: a lone '}}' closes no placeholder; write '}}}}' for a literal brace.");
            }
            else
            {
                output?.Append(c);
                i++;
            }
        }
    }

    private static bool IsName(string name) =>
        name.Length is > 0 and <= 64 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');

    private static int Line(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;
}
