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

    [Fact]
    public void Render_FoldsLongUnchangedRuns_KeepingThreeLinesOfContextAroundAChange()
    {
        var before = string.Join('\n', Enumerable.Range(1, 100).Select(i => $"line {i}"));
        var after = before.Replace("line 50\n", "line fifty\n", StringComparison.Ordinal);

        var diff = Render<TextDiff>(p => p.Add(d => d.Before, before).Add(d => d.After, after));

        diff.FindAll(".text-diff-folded").Select(e => e.TextContent.Trim()).ShouldBe(["⋯ 46 unchanged lines", "⋯ 47 unchanged lines"]);
        diff.FindAll(".text-diff-line:not(ins):not(del):not(.text-diff-folded)").Count.ShouldBe(6);
        diff.FindAll("del").ShouldHaveSingleItem().TextContent.ShouldBe("−line 50");
    }

    [Fact]
    public void Render_ShowsTheFirstRowsOnly_AndOffersBothVersions_WhenARewriteHasMoreRowsThanTheLimit()
    {
        var before = string.Join('\n', Enumerable.Range(1, 1_000).Select(i => $"old {i}"));
        var after = string.Join('\n', Enumerable.Range(1, 1_000).Select(i => $"new {i}"));

        var diff = Render<TextDiff>(p => p.Add(d => d.Before, before).Add(d => d.After, after));

        diff.FindAll("ins, del").Count.ShouldBe(TextDiffModel.MaxRows);
        diff.Find("[data-testid=diff-truncated]").TextContent.ShouldContain("download both versions");
        diff.Find(".text-diff-caption").TextContent.ShouldContain("+1000");
    }

    [Fact]
    public void Render_DoesNotCompareTextsOverTheLineLimit_AndDownloadsEitherVersionInFull()
    {
        var before = string.Join('\n', Enumerable.Range(1, TextDiffModel.MaxLines + 1).Select(i => $"old {i}"));
        var after = "short";
        JSInterop.SetupVoid("avaDownloadText", _ => true);

        var diff = Render<TextDiff>(p => p.Add(d => d.Before, before).Add(d => d.After, after).Add(d => d.Label, "Changes to code"));

        diff.Find("[data-testid=diff-too-large]").TextContent.ShouldContain("2,001 lines before, 1 after");
        diff.FindAll("ins, del").ShouldBeEmpty();
        diff.FindAll("button").Single(b => b.TextContent.Contains("Download before")).Click();
        var call = JSInterop.VerifyInvoke("avaDownloadText");
        call.Arguments.ShouldBe(["changes-to-code-before.txt", before]);
    }
}
