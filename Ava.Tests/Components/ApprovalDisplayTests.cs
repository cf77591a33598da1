using Ava.Dashboard.Components.Shared.Labels;
using Ava.Domain.Recommendations;

namespace Ava.Tests.Components;

public class ApprovalDisplayTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(20, "just now")]
    [InlineData(60 * 12, "12 min ago")]
    [InlineData(60 * 60 * 3 + 59 * 60, "3 h ago")]
    [InlineData(60 * 60 * 24 * 5, "5 d ago")]
    [InlineData(60 * 60 * 24 * 45, "2026-10-06")]
    public void Age_DescribesHowLongAgo_Coarsely(int secondsAgo, string expected)
    {
        ApprovalDisplay.Age(Now.AddSeconds(-secondsAgo), Now).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0.82, ConfidenceBand.Ready, "0.82 Ready")]
    [InlineData(0.5, ConfidenceBand.NeedsReview, "0.50 Needs review")]
    [InlineData(0.126, ConfidenceBand.Escalated, "0.13 Escalated")]
    public void ConfidenceText_ShowsTheNumberAndTheBand(double confidence, ConfidenceBand band, string expected)
    {
        ApprovalDisplay.ConfidenceText(confidence, band).ShouldBe(expected);
    }
}
