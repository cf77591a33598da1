using System.Net;
using System.Text;
using Ava.Domain.Codestones;
using ColorCode;

namespace Ava.Infrastructure.Content;

/// <summary>
/// Server-side syntax highlighting (ColorCode) with line numbers; unknown languages are escaped as plain text. The
/// token classes are coloured by the dashboard's stylesheet from its theme, not by ColorCode's white-page CSS.
/// </summary>
public sealed class CodeHighlighter
{
    private readonly HtmlClassFormatter _formatter = new();

    /// <summary>Highlighted HTML, one &lt;span class="line"&gt; per source line (line numbers come from CSS counters).</summary>
    public string ToHtml(string code, CodeLanguage language)
    {
        var definition = language switch
        {
            CodeLanguage.Python => Languages.Python,
            CodeLanguage.JavaScript => Languages.JavaScript,
            CodeLanguage.TypeScript => Languages.Typescript,
            CodeLanguage.CSharp => Languages.CSharp,
            CodeLanguage.Java => Languages.Java,
            _ => null,
        };

        var body = definition is null ? WebUtility.HtmlEncode(code) : InnerHtml(_formatter.GetHtmlString(code, definition));

        // ColorCode pads its output with line breaks, and a final newline ends the last line rather than starting one.
        return WrapLines(body.Replace("\r", "", StringComparison.Ordinal).Trim('\n').TrimEnd());
    }

    /// <summary>ColorCode wraps its output in &lt;div&gt;&lt;pre&gt;; keep what is inside the pre.</summary>
    private static string InnerHtml(string html)
    {
        var start = html.IndexOf("<pre", StringComparison.Ordinal);
        start = start < 0 ? 0 : html.IndexOf('>', start) + 1;
        var end = html.LastIndexOf("</pre>", StringComparison.Ordinal);
        return end > start ? html[start..end] : html;
    }

    /// <summary>Splits highlighted HTML into lines, closing and reopening spans that cross a line break.</summary>
    private static string WrapLines(string html)
    {
        var result = new StringBuilder(html.Length + 64);
        var open = new Stack<string>();
        result.Append("<span class=\"line\">");
        var i = 0;
        while (i < html.Length)
        {
            if (html[i] == '\n')
            {
                for (var k = 0; k < open.Count; k++)
                {
                    result.Append("</span>");
                }

                result.Append("</span>\n<span class=\"line\">");
                foreach (var tag in open.Reverse())
                {
                    result.Append(tag);
                }

                i++;
            }
            else if (html[i] == '\r')
            {
                i++;
            }
            else if (string.CompareOrdinal(html, i, "<span", 0, 5) == 0)
            {
                var close = html.IndexOf('>', i);
                var tag = html[i..(close + 1)];
                open.Push(tag);
                result.Append(tag);
                i = close + 1;
            }
            else if (string.CompareOrdinal(html, i, "</span>", 0, 7) == 0)
            {
                if (open.Count > 0)
                {
                    open.Pop();
                }

                result.Append("</span>");
                i += 7;
            }
            else
            {
                result.Append(html[i]);
                i++;
            }
        }

        for (var k = 0; k < open.Count; k++)
        {
            result.Append("</span>");
        }

        result.Append("</span>");
        return result.ToString();
    }
}
