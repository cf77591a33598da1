using Ava.Domain.Codestones;
using Ava.Infrastructure.Content;

namespace Ava.Tests.Infrastructure.Content;

public class CodeHighlighterTests
{
    private static readonly CodeHighlighter Highlighter = new();

    [Fact]
    public void ToHtml_WrapsEveryLine_ForLineNumbers()
    {
        var html = Highlighter.ToHtml("def f():\n    \"\"\"doc\n    more\"\"\"\n    return 1\n", CodeLanguage.Python);

        html.Split("<span class=\"line\">").Length.ShouldBe(5);
        html.ShouldContain("return");
        CountOf(html, "<span").ShouldBe(CountOf(html, "</span>"));
    }

    [Fact]
    public void ToHtml_HighlightsKeywords_ForKnownLanguages()
    {
        var html = Highlighter.ToHtml("public class A { }", CodeLanguage.CSharp);

        html.ShouldContain("class=\"keyword\"");
    }

    [Theory]
    [InlineData(CodeLanguage.Rust)]
    [InlineData(CodeLanguage.Other)]
    [InlineData(CodeLanguage.Python)]
    public void ToHtml_EscapesMarkup_InCode(CodeLanguage language)
    {
        var html = Highlighter.ToHtml("x = \"<script>alert(1)</script>\"", language);

        html.ShouldNotContain("<script>");
        html.ShouldContain("&lt;script&gt;");
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}
