using Ava.Infrastructure.Configuration;
using Ganss.Xss;
using Markdig;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Content;

/// <summary>
/// Markdown to safe HTML: Markdig with raw HTML disabled, then HtmlSanitizer with an allow-list,
/// so neither the author nor an AI can put script, event handlers or javascript:/data: links on a page.
/// Nothing in it makes the reader's browser send a request by itself: an image shows inline only from a
/// configured host (<see cref="ContentOptions.ImageHosts"/>) and is otherwise a link, and every link
/// opens without the opener, the referrer or an endorsement.
/// </summary>
public sealed class MarkdownRenderer(IOptions<ContentOptions> options)
{
    public const string LinkRel = "noopener noreferrer nofollow";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer(options.Value.ImageHosts.ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>Renders with no inline images from anywhere, as the product does by default.</summary>
    public MarkdownRenderer()
        : this(Options.Create(new ContentOptions()))
    {
    }

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var html = Markdown.ToHtml(markdown, Pipeline);
        return _sanitizer.Sanitize(html);
    }

    private static HtmlSanitizer CreateSanitizer(IReadOnlySet<string> imageHosts)
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
                    element.SetAttribute("rel", LinkRel);
                }
                else if (element.TagName == "IMG")
                {
                    ShowImageOrLink(element, imageHosts);
                }
            }
        };
        return sanitizer;
    }

    /// <summary>
    /// Keeps an image from an allowed https host (sent without a referrer); replaces any other, relative
    /// and same-site ones included, with a link the reader can choose to follow.
    /// </summary>
    private static void ShowImageOrLink(AngleSharp.Dom.IElement image, IReadOnlySet<string> imageHosts)
    {
        var source = image.GetAttribute("src") ?? "";
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && imageHosts.Contains(uri.Host))
        {
            image.SetAttribute("referrerpolicy", "no-referrer");
            image.SetAttribute("loading", "lazy");
            return;
        }

        var text = image.GetAttribute("alt") is { Length: > 0 } alt ? $"Image: {alt}" : "Image";
        var document = image.Owner!;
        AngleSharp.Dom.INode replacement;
        if (source.Length > 0)
        {
            var link = document.CreateElement("a");
            link.SetAttribute("href", source);
            link.SetAttribute("rel", LinkRel);
            link.SetAttribute("class", "markdown-image-link");
            link.TextContent = text;
            replacement = link;
        }
        else
        {
            replacement = document.CreateTextNode(text);
        }

        image.Parent!.ReplaceChild(replacement, image);
    }
}
