using Ava.Infrastructure.Content;

namespace Ava.Tests.Infrastructure.Content;

public class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    [Theory]
    [InlineData("<script>alert('x')</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("<div onclick=\"steal()\">hi</div>", "<div")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("[click](JaVaScRiPt:alert(1))", "javascript:")]
    [InlineData("[data](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    [InlineData("![img](javascript:alert(1))", "javascript:")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a ")]
    [InlineData("<style>body{display:none}</style>", "<style")]
    public void ToHtml_RemovesDangerousContent(string markdown, string forbidden)
    {
        var html = Renderer.ToHtml(markdown);

        html.ShouldNotContain(forbidden, Case.Insensitive);
    }

    [Fact]
    public void ToHtml_TreatsRawHtmlAsText()
    {
        Renderer.ToHtml("<b>bold</b>").ShouldContain("&lt;b&gt;bold&lt;/b&gt;");
    }

    [Fact]
    public void ToHtml_KeepsHeadingsListsCodeBlocksAndTables()
    {
        var markdown = """
            # Incident

            ## Impact

            - first
            - second

            1. step one

            ```python
            print("hello")
            ```

            | service | errors |
            |---|---|
            | api | 12 |

            [docs](https://example.com/docs)
            """;

        var html = Renderer.ToHtml(markdown);

        html.ShouldContain("<h1");
        html.ShouldContain("<h2");
        html.ShouldContain("<ul>");
        html.ShouldContain("<ol>");
        html.ShouldContain("<pre><code class=\"language-python\">");
        html.ShouldContain("print(\"hello\")");
        html.ShouldContain("<table>");
        html.ShouldContain("<td>api</td>");
        html.ShouldContain("href=\"https://example.com/docs\"");
        html.ShouldContain("rel=\"noopener noreferrer nofollow\"");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ToHtml_IsEmpty_ForNoContent(string? markdown)
    {
        Renderer.ToHtml(markdown).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("![export](/audit/export?action=auth.sign_in)", "/audit/export?action=auth.sign_in")]
    [InlineData("![users](https://dashboard.example.com/admin/users)", "https://dashboard.example.com/admin/users")]
    [InlineData("![chart](http://images.example.com/chart.png)", "http://images.example.com/chart.png")]
    public void ToHtml_ShowsAnImageAsALink_WhenItsHostIsNotAllowed(string markdown, string href)
    {
        var html = ImagesFrom("images.example.com").ToHtml(markdown);

        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldContain($"href=\"{System.Net.WebUtility.HtmlEncode(href)}\"");
        html.ShouldContain($"rel=\"{MarkdownRenderer.LinkRel}\"");
        html.ShouldContain("Image: ");
    }

    [Fact]
    public void ToHtml_ShowsNoImageInline_ByDefault()
    {
        Renderer.ToHtml("![logo](https://images.example.com/logo.png)").ShouldNotContain("<img", Case.Insensitive);
    }

    [Fact]
    public void ToHtml_KeepsAnHttpsImageWithoutReferrer_WhenItsHostIsAllowed()
    {
        var html = ImagesFrom("images.example.com").ToHtml("![chart](https://images.example.com/chart.png)");

        html.ShouldContain("<img src=\"https://images.example.com/chart.png\"");
        html.ShouldContain("referrerpolicy=\"no-referrer\"");
    }

    [Fact]
    public void ToHtml_MarksEveryLinkToOpenWithoutOpenerReferrerOrEndorsement()
    {
        Renderer.ToHtml("[docs](https://learn.microsoft.com/)").ShouldContain($"rel=\"{MarkdownRenderer.LinkRel}\"");
    }

    private static MarkdownRenderer ImagesFrom(params string[] hosts) =>
        new(Microsoft.Extensions.Options.Options.Create(new Ava.Infrastructure.Configuration.ContentOptions { ImageHosts = hosts }));
}
