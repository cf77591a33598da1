using Ava.Dashboard.Features.Audit;
using Ava.Domain.Security;
using Ava.Infrastructure.Audit;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace Ava.Tests.Components;

public class AuditComponentsTests : DashboardTestContext
{
    private static readonly AuditEventRow SampleEvent = new(
        42, new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero), "viewer@ava.local", "id-1", SecurityAuditActions.Violation,
        "page:/admin/users", false, "Missing permission 'manage_users'.", "{\"permission\":\"manage_users\",\"tries\":[1,2]}",
        "10.0.0.7", "circuit-abc", new string('a', 64));

    [Fact]
    public void EventDrawer_ShowsFieldsAndIndentedMetadata_WhenAnEventIsSelected()
    {
        Render<MudBlazor.MudPopoverProvider>();

        var drawer = Render<AuditEventDrawer>(p => p.Add(d => d.Event, SampleEvent));

        var detail = drawer.Find("[data-testid=audit-detail]");
        drawer.Markup.ShouldContain("Event #42");
        detail.TextContent.ShouldContain("viewer@ava.local");
        detail.TextContent.ShouldContain("page:/admin/users");
        detail.TextContent.ShouldContain("Missing permission 'manage_users'.");
        detail.TextContent.ShouldContain("circuit-abc");
        var metadata = drawer.Find("[data-testid=audit-metadata]").TextContent;
        metadata.ShouldContain("\n  \"permission\": \"manage_users\"");
    }

    [Fact]
    public void EventDrawer_RendersNoDetail_WhenNothingIsSelected()
    {
        var drawer = Render<AuditEventDrawer>(p => p.Add(d => d.Event, null));

        drawer.FindAll("[data-testid=audit-detail]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, "(none)")]
    [InlineData("not json {", "not json {")]
    [InlineData("{\"a\":1}", "{\n  \"a\": 1\n}")]
    public void FormatJson_IndentsValidJson_AndKeepsTheRest(string? json, string expected)
    {
        AuditEventDrawer.FormatJson(json).ReplaceLineEndings("\n").ShouldBe(expected);
    }

    [Fact]
    public async Task FilterBar_RaisesUserFilter_WhenTypingAUserName()
    {
        Render<MudBlazor.MudPopoverProvider>();
        AuditFilter? raised = null;
        var bar = Render<AuditFilterBar>(p => p
            .Add(b => b.Filter, new AuditFilter(Action: AccountAuditActions.SignInFailed))
            .Add(b => b.FilterChanged, EventCallback.Factory.Create<AuditFilter>(this, f => raised = f)));

        await bar.FindAll("input").First().InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "alice" });

        bar.WaitForAssertion(() => raised.ShouldNotBeNull(), TimeSpan.FromSeconds(5));
        raised!.UserName.ShouldBe("alice");
        raised.Action.ShouldBe(AccountAuditActions.SignInFailed);
    }

    [Fact]
    public void ExportUrl_CarriesEveryFilter_AndParsesBack()
    {
        var filter = new AuditFilter("alice", AccountAuditActions.SignInFailed, false,
            new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), "admin users");

        var url = AuditExport.UrlFor(filter);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + url).Query);
        var parsed = AuditExport.Parse(new Microsoft.AspNetCore.Http.QueryCollection(query));

        url.ShouldStartWith("/audit/export?");
        parsed.ShouldBe(filter);
    }
}
