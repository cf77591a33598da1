using Ganss.Xss;
using Markdig;

namespace Ava.Infrastructure.Content;

/// <summary>
/// Markdown to safe HTML: Markdig with raw HTML disabled, then HtmlSanitizer with an allow-list,
/// so neither the author nor an AI can put script, event handlers or javascript:/data: links on a page.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var html = Markdown.ToHtml(markdown, Pipeline);
        return _sanitizer.Sanitize(html);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedAttributes.Add("class");

        // Task lists render as disabled checkboxes; no other input survives.
        sanitizer.AllowedTags.Add("input");
        sanitizer.AllowedAttributes.Add("type");
        sanitizer.AllowedAttributes.Add("checked");
        sanitizer.AllowedAttributes.Add("disabled");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                if (element.TagName == "INPUT" && element.GetAttribute("type") != "checkbox")
                {
                    element.Remove();
                }
                else if (element.TagName == "A")
                {
                    element.SetAttribute("rel", "noopener noreferrer nofollow");
                }
            }
        };
        return sanitizer;
    }
}
