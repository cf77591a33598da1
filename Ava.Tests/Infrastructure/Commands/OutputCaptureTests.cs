using System.Text;
using Ava.Infrastructure.Commands.Sandbox;

namespace Ava.Tests.Infrastructure.Commands;

public sealed class OutputCaptureTests
{
    [Fact]
    public async Task Drain_KeepsEverything_WhenTheOutputFitsTheLimit()
    {
        var capture = new OutputCapture(1024);

        await capture.DrainAsync(new MemoryStream(Encoding.UTF8.GetBytes("héllo\nwörld\n")), TestContext.Current.CancellationToken);

        capture.Text().ShouldBe("héllo\nwörld\n");
        capture.TotalBytes.ShouldBe(14);
    }

    [Fact]
    public async Task Drain_KeepsTheLimitAndCountsTheRest_WithAMarkerOnALineOfItsOwn()
    {
        var capture = new OutputCapture(10);

        await capture.DrainAsync(new MemoryStream(Encoding.ASCII.GetBytes(new string('x', 1_000_000))), TestContext.Current.CancellationToken);

        capture.TotalBytes.ShouldBe(1_000_000);
        capture.Text().ShouldBe("xxxxxxxxxx\n[output cut at 10 bytes: 999,990 more bytes were not kept]\n");
    }

    [Fact]
    public void Text_ShowsNulAndInvalidBytesAsReplacementCharacters()
    {
        var capture = new OutputCapture(64);
        capture.Append([(byte)'a', 0, 0xFF, (byte)'b']);

        capture.Text().ShouldBe("a\uFFFD\uFFFDb");
    }

    [Fact]
    public void Revision_ChangesWhenBytesArrive_EvenPastTheLimit()
    {
        var capture = new OutputCapture(1);
        capture.Append("a"u8);
        var before = capture.Revision;

        capture.Append("b"u8);

        capture.Revision.ShouldNotBe(before);
        capture.TotalBytes.ShouldBe(2);
    }

    [Fact]
    public void Tail_ShowsTheEndOfALargeOutput_WithoutSplittingACharacter_AndSaysWhatIsLeftOut()
    {
        var capture = new OutputCapture(1024);
        capture.Append(Encoding.UTF8.GetBytes(new string('a', 9) + "é" + "end"));

        capture.Tail(4).ShouldBe("[the first 11 bytes are shown when the run ends]\nend");
        capture.Tail(5).ShouldBe("[the first 9 bytes are shown when the run ends]\néend");
        capture.Tail(100).ShouldBe(capture.Text());
    }
}
