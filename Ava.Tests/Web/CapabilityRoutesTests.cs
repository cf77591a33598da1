using Ava.Dashboard.Security;
using Ava.Domain.Settings;
using Microsoft.AspNetCore.Http;

namespace Ava.Tests.Web;

/// <summary>Which pages and API requests a switched-off capability takes away.</summary>
public sealed class CapabilityRoutesTests
{
    [Theory]
    [InlineData("/prompts", "AiFeatures")]
    [InlineData("/prompts/morning_briefing", "AiFeatures")]
    [InlineData("/briefings/2026-12-01", "Briefings")]
    [InlineData("/execution/12", "CommandExecution")]
    [InlineData("/codestones/5", null)]
    [InlineData("/executions-report", null)]
    public void ForPage_NamesTheCapabilityOfAPageAndItsSubpages(string path, string? capability) =>
        (CapabilityRoutes.ForPage(path)?.Name).ShouldBe(capability);

    [Theory]
    [InlineData("/api/v1/codestones/12/reviews", "POST", "CodeReviews")]
    [InlineData("/api/v1/codestones/12/reviews", "GET", null)]
    [InlineData("/api/v1/codestones/12/reviews/3", "GET", null)]
    [InlineData("/api/v1/codestones/12", "PUT", null)]
    [InlineData("/api/v1/briefings/2026-12-01/rating", "PUT", "Briefings")]
    [InlineData("/api/v1/ai/screen", "POST", "AiFeatures")]
    [InlineData("/api/v1/executions/4/cancel", "POST", "CommandExecution")]
    [InlineData("/api/v1/health", "GET", null)]
    public void ForApi_NamesTheCapabilityOfARequest_ByPathAndMethod(string path, string method, string? capability) =>
        (CapabilityRoutes.ForApi(new PathString(path), method)?.Name).ShouldBe(capability);

    [Fact]
    public void EveryCapabilityWithPagesOrEndpoints_IsACapabilityOfTheProduct()
    {
        var named = new[] { "/prompts", "/briefings", "/execution" }.Select(CapabilityRoutes.ForPage)
            .Append(CapabilityRoutes.ForApi(new PathString("/api/v1/codestones/1/reviews"), "POST"));

        named.ShouldAllBe(c => c != null && Capabilities.All.Contains(c));
    }
}
