using Ava.Dashboard.Features.Briefings;

namespace Ava.Tests.Components;

public sealed class BriefingMarkdownTests
{
    [Fact]
    public void LinkSources_LinksTheStreamsItDrewOn_WordsTheProductCitation_AndLeavesOtherBracketsAlone()
    {
        var text = "Pool exhausted [stream:42]; unknown [stream:7]; 3 changesets applied [product:changes]; see [docs](/x) and [product:changes](/y).";

        var linked = BriefingMarkdown.LinkSources(text, [42]);

        linked.ShouldBe("Pool exhausted [stream:42](/streams/42); unknown [stream:7]; 3 changesets applied *(product changes)*; see [docs](/x) and [product:changes](/y).");
    }
}
