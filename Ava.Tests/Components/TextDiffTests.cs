using Ava.Dashboard.Components.Shared;
using Bunit;

namespace Ava.Tests.Components;

public class TextDiffTests : DashboardTestContext
{
    [Fact]
    public void Render_MarksRemovedAndAddedLines_AndKeepsTheRestAsContext()
    {
        var diff = Render<TextDiff>(p => p
            .Add(d => d.Before, "## What\n- pool of 10\n- 40 workers\n")
            .Add(d => d.After, "## What\n- pool of 50\n- 40 workers\n- fixed in 2.3\n"));

        diff.FindAll("del").Select(e => e.TextContent).ShouldBe(["−- pool of 10"]);
        diff.FindAll("ins").Select(e => e.TextContent).ShouldBe(["+- pool of 50", "+- fixed in 2.3"]);
        diff.FindAll(".text-diff-line:not(ins):not(del)").Select(e => e.TextContent.Trim()).ShouldBe(["## What", "- 40 workers"]);
        diff.Find(".text-diff-caption").TextContent.ShouldContain("+2");
        diff.Find(".text-diff-caption").TextContent.ShouldContain("−1");
    }

    [Fact]
    public void Render_ShowsEveryLineAsAdded_WhenThereWasNoTextBefore()
    {
        var diff = Render<TextDiff>(p => p.Add(d => d.Before, null).Add(d => d.After, "first\r\nsecond"));

        diff.FindAll("ins").Select(e => e.TextContent).ShouldBe(["+first", "+second"]);
        diff.FindAll("del").ShouldBeEmpty();
    }

    [Fact]
    public void Render_SaysSo_WhenTheTextsAreEqual()
    {
        var diff = Render<TextDiff>(p => p.Add(d => d.Before, "same\ntext").Add(d => d.After, "same\r\ntext"));

        diff.FindAll("ins, del").ShouldBeEmpty();
        diff.Find(".text-diff-caption").TextContent.Trim().ShouldBe("No line changes");
    }

    [Fact]
    public void Render_TreatsIndentationAsAChange()
    {
        var diff = Render<TextDiff>(p => p.Add(d => d.Before, "if (x)\n  return;").Add(d => d.After, "if (x)\n    return;"));

        diff.FindAll("del").ShouldHaveSingleItem().TextContent.ShouldBe("−  return;");
        diff.FindAll("ins").ShouldHaveSingleItem().TextContent.ShouldBe("+    return;");
    }
}
