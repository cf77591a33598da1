using Ava.Dashboard.Features.Prompts;
using Ava.Domain.Prompts;
using Ava.Domain.Security;
using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Prompts;
using Ava.Tests.Infrastructure.Ai;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Components;

public sealed class PromptComponentsTests : DashboardTestContext
{
    /// <summary>The panels query a real database; a busy machine needs longer than bUnit's default second.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void ActivationHistory_PagesItsEntries_WithTheTablePager()
    {
        // Twelve activations in memory: the table pages them itself, ten to a page.
        var at = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var entries = Enumerable.Range(1, 12)
            .Select(i => new PromptActivationEntry($"1.{i - 1}.0", $"1.{i}.0", "admin@ava.local", at.AddHours(i), $"Reason {i}"))
            .ToList();

        var history = Render<ActivationHistory>(p => p.Add(h => h.Activations, entries));

        history.Find("[data-testid=pager-info]").TextContent.ShouldBe("1-10 of 12");
        history.FindAll("tbody tr").Count.ShouldBe(10);

        history.Find("[data-testid=table-pager] button[aria-label='Next page']").Click();

        history.WaitForAssertion(() => history.Find("[data-testid=pager-info]").TextContent.ShouldBe("11-12 of 12"));
        history.FindAll("tbody tr").Count.ShouldBe(2);

        history.Find("[data-testid=table-pager] select").Change("25");

        history.WaitForAssertion(() => history.Find("[data-testid=pager-info]").TextContent.ShouldBe("1-12 of 12"));
        history.FindAll("tbody tr").Count.ShouldBe(12);
    }

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Developer, false)]
    public void VersionsTable_OffersActivateOnlyForInactiveVersions_AndOnlyToThoseWhoMayChangeSchemas(string role, bool canActivate)
    {
        var detail = Detail(("3.1.0", false), ("3.0.0", true));
        var activated = new List<string>();

        var table = Render<PromptVersionsTable>(p => p
            .Add(t => t.Detail, detail)
            .Add(t => t.OnActivate, v => activated.Add(v))
            .AddCascadingValue(StateOf(UserInRole(role))));

        var activate = table.FindAll("button").Where(b => b.GetAttribute("aria-label")?.StartsWith("Activate", StringComparison.Ordinal) == true).ToList();
        if (!canActivate)
        {
            activate.ShouldBeEmpty();
            return;
        }

        activate.Select(b => b.GetAttribute("aria-label")).ShouldBe(["Activate 3.1.0"]);
        activate[0].Click();
        activated.ShouldBe(["3.1.0"]);
    }

    [Fact]
    public void ResultView_WarnsAboutAFlaggedInput_AndListsValidationErrors()
    {
        var result = new PromptRunResult(7, "code_review", "2.0.0", PromptRunOutcome.ValidationFailed, "{}", null, ["/ecl_score: Required"], null,
            new RunInjection(0.8, true, ["codestone:1: is addressed to an AI reading it"], []), [], [], "Offline generator", "offline-generator", true, 10, 20, true, 2, 5);

        var view = Render<TestRunResultView>(p => p.Add(v => v.Result, result));

        view.Markup.ShouldContain("likely prompt injection: codestone:1: is addressed to an AI reading it");
        view.Find("li").TextContent.ShouldBe("/ecl_score: Required");
        view.Markup.ShouldContain("Failed validation");
    }

    [Fact]
    public async Task DiffPanel_ShowsTheChangedLines_WhenTwoVersionsAreCompared()
    {
        var database = await UseDatabaseAsync();
        database.User = ServiceDatabase.Principal("admin@ava.local", Roles.Admin);
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var service = database.Get<PromptService>(scope);
            var seeded = (await service.GetVersionAsync(PromptNames.CodeReview, "2.0.0"))!;
            await service.CreateVersionAsync(PromptNames.CodeReview, NewPromptVersion.From(seeded, "2.1.0") with { SystemContext = "Be brief.", Changelog = "Shorter" });
        }

        var details = (await database.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<PromptService>().GetAsync(PromptNames.CodeReview))!;
        var panel = Render<PromptDiffPanel>(p => p.Add(d => d.Name, PromptNames.CodeReview).Add(d => d.Versions, details.Versions).Add(d => d.From, "2.0.0").Add(d => d.To, "2.1.0"));

        panel.WaitForAssertion(() => panel.FindAll("ins").Select(i => i.TextContent).ShouldContain("+Be brief."), Patience);
        panel.FindAll("del").ShouldContain(d => d.TextContent.Contains("senior software engineer", StringComparison.Ordinal));
        panel.Markup.ShouldContain("Template text");
    }

    [Fact]
    public async Task MetricsPanel_SaysThereAreNoRuns_ThenShowsTheVersionsFiguresOnceOneRan()
    {
        var database = await UseDatabaseAsync();
        database.User = ServiceDatabase.Principal("developer@ava.local", Roles.Developer);
        var empty = Render<PromptMetricsPanel>(p => p.Add(m => m.Name, PromptNames.CodeReview));
        empty.WaitForAssertion(() => empty.Markup.ShouldContain("No runs in this period"), Patience);

        await using (var scope = database.Services.CreateAsyncScope())
        {
            await database.Get<PromptRunner>(scope).RunAsync(PromptInputs.CodeReview(OfflineGeneratorTests.Codestone(3, "print('hi')")));
        }

        var filled = Render<PromptMetricsPanel>(p => p.Add(m => m.Name, PromptNames.CodeReview));
        filled.WaitForAssertion(() => filled.Find("table").TextContent.ShouldContain("2.0.0 (active)"), Patience);
        filled.Markup.ShouldContain("100%");
    }

    private static PromptTemplateDetail Detail(params (string Number, bool Active)[] versions) => new(
        1, "morning_briefing", "d", versions.Single(v => v.Active).Number, Guid.NewGuid(),
        versions.Select((v, i) => new PromptVersionSummary(i + 1, v.Number, "change", "seed", DateTimeOffset.UnixEpoch, null, v.Active, PromptOutputFormat.Text)).ToList(),
        []);
}
