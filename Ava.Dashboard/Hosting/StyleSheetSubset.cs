using System.Text;
using System.Text.RegularExpressions;

namespace Ava.Dashboard.Hosting;

/// <summary>
/// The rules of a minified style sheet that a set of classes can need, read with a scanner that knows the sheet's
/// braces, strings, comments and selector lists (<see cref="FirstPaintStyles"/> cuts MudBlazor's sheet with it).
/// </summary>
public static partial class StyleSheetSubset
{
    /// <summary>
    /// The rules of <paramref name="css"/> that pages using only <paramref name="classes"/> can need: at-rules such as keyframes and fonts whole,
    /// grouping rules (media, supports) with what is kept inside them, and a style rule when one of its selectors
    /// has only classes of <paramref name="classes"/> (a selector without classes, such as <c>body</c>, has none
    /// outside it).
    /// </summary>
    public static string Keep(string css, IReadOnlySet<string> classes)
    {
        var output = new StringBuilder(css.Length / 4);
        AppendRules(css.AsSpan(), classes, output);
        return output.ToString();
    }

    private static void AppendRules(ReadOnlySpan<char> css, IReadOnlySet<string> classes, StringBuilder output)
    {
        var position = 0;
        while (position < css.Length)
        {
            var open = IndexOutsideStrings(css, position, '{');
            if (open < 0)
            {
                return;
            }

            var close = MatchingBrace(css, open);
            var prelude = WithoutComments(css[position..open].ToString()).AsSpan().Trim();
            var body = css[(open + 1)..close];
            if (prelude.StartsWith("@media", StringComparison.Ordinal) || prelude.StartsWith("@supports", StringComparison.Ordinal)
                || prelude.StartsWith("@layer", StringComparison.Ordinal) || prelude.StartsWith("@container", StringComparison.Ordinal))
            {
                var inner = new StringBuilder();
                AppendRules(body, classes, inner);
                if (inner.Length > 0)
                {
                    output.Append(prelude).Append('{').Append(inner).Append('}');
                }
            }
            else if (prelude.StartsWith('@') || AnySelectorKept(prelude, classes))
            {
                output.Append(prelude).Append('{').Append(body).Append('}');
            }

            position = close + 1;
        }
    }

    private static bool AnySelectorKept(ReadOnlySpan<char> selectors, IReadOnlySet<string> classes)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= selectors.Length; i++)
        {
            if (i < selectors.Length)
            {
                var c = selectors[i];
                if (c is '(' or '[')
                {
                    depth++;
                    continue;
                }

                if (c is ')' or ']')
                {
                    depth--;
                    continue;
                }

                if (c != ',' || depth > 0)
                {
                    continue;
                }
            }

            if (OnlyKeptClasses(selectors[start..i].ToString(), classes))
            {
                return true;
            }

            start = i + 1;
        }

        return false;
    }

    private static bool OnlyKeptClasses(string selector, IReadOnlySet<string> classes)
    {
        // A class under :not() need not be on the page for the rule to apply.
        foreach (Match match in ClassName().Matches(WithoutNegations(selector)))
        {
            if (!classes.Contains(match.Groups[1].Value.Replace("\\", "", StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static string WithoutComments(string prelude) =>
        prelude.Contains("/*", StringComparison.Ordinal) ? Comment().Replace(prelude, "") : prelude;

    private static string WithoutNegations(string selector)
    {
        int start;
        while ((start = selector.IndexOf(":not(", StringComparison.Ordinal)) >= 0)
        {
            var depth = 0;
            var end = start + ":not".Length;
            for (; end < selector.Length; end++)
            {
                if (selector[end] == '(')
                {
                    depth++;
                }
                else if (selector[end] == ')' && --depth == 0)
                {
                    break;
                }
            }

            selector = selector.Remove(start, Math.Min(end + 1, selector.Length) - start);
        }

        return selector;
    }

    private static int IndexOutsideStrings(ReadOnlySpan<char> css, int from, char wanted)
    {
        for (var i = from; i < css.Length; i++)
        {
            var c = css[i];
            if (c == wanted)
            {
                return i;
            }

            if (c is '"' or '\'')
            {
                i = EndOfString(css, i);
            }
            else if (c == '/' && i + 1 < css.Length && css[i + 1] == '*')
            {
                var end = css[(i + 2)..].IndexOf("*/", StringComparison.Ordinal);
                i = end < 0 ? css.Length : i + 2 + end + 1;
            }
        }

        return -1;
    }

    private static int MatchingBrace(ReadOnlySpan<char> css, int open)
    {
        var depth = 0;
        for (var i = open; i < css.Length; i++)
        {
            switch (css[i])
            {
                case '{':
                    depth++;
                    break;
                case '}' when --depth == 0:
                    return i;
                case '"' or '\'':
                    i = EndOfString(css, i);
                    break;
            }
        }

        throw new FormatException($"A rule opened at {open} of MudBlazor's style sheet is not closed.");
    }

    private static int EndOfString(ReadOnlySpan<char> css, int quote)
    {
        for (var i = quote + 1; i < css.Length; i++)
        {
            if (css[i] == '\\')
            {
                i++;
            }
            else if (css[i] == css[quote])
            {
                return i;
            }
        }

        return css.Length;
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    // A class in a selector; MudBlazor escapes characters such as ':' in its utility classes (hover\:mud-inherit-hover).
    [GeneratedRegex(@"\.((?:-?[_a-zA-Z]|\\.)(?:[\w-]|\\.)*)")]
    private static partial Regex ClassName();
}
