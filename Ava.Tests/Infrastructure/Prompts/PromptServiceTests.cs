using Ava.Domain.Audit;
using Ava.Domain.Common;
using Ava.Domain.Prompts;
using Ava.Domain.Security;
using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Prompts;
using Ava.Infrastructure.Security;
using Ava.Tests.Infrastructure.Ai;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Prompts;

/// <summary>Prompt templates over a real migrated SQLite file: seeding, versions, activation, diff, metrics and permissions.</summary>
public sealed class PromptServiceTests : IAsyncLifetime
{
    private ServiceDatabase _database = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await ServiceDatabase.CreateAsync();
        _database.User = ServiceDatabase.Principal("admin@ava.local", Roles.Admin);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Seeder_InsertsTheGuidesTemplatesOnce_WithTheirExactTextsAndRules()
    {
        // The initializer ran once at creation; a second start must not add anything.
        await using (var scope = _database.Services.CreateAsyncScope())
        {
            await _database.Get<Ava.Infrastructure.Persistence.DatabaseInitializer>(scope).InitializeAsync(Cancel);
        }

        await using var db = _database.NewContext();
        var versions = await db.PromptTemplateVersions.ToListAsync(Cancel);
        versions.Count.ShouldBe(2);
        var guide = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "Seeds", "implementation-guide-prompt-templates.md"), Cancel);
        var briefing = versions.Single(v => v.Number == "3.0.0");
        guide.ShouldContain("template=\"\"\"" + briefing.TemplateText + "\"\"\",");
        guide.ShouldContain($"system_context=\"{briefing.SystemContext}\"");
        briefing.Settings.ShouldBe(new PromptSettings("claude-sonnet-4-20250514", 2000, 0.3, 8000));
        briefing.Validation.RequiredSections.ShouldBe(["Executive Summary", "Key Themes", "Recommended Actions"]);
        (briefing.MinLength, briefing.MaxLength).ShouldBe((200, 3000));
        briefing.Changelog.ShouldStartWith("v3.0.0 - Added structured output format and validation");
        var review = versions.Single(v => v.Number == "2.0.0");
        guide.ShouldContain("template=\"\"\"" + review.TemplateText + "\"\"\",");
        review.OutputFormat.ShouldBe(PromptOutputFormat.Json);
        review.Settings.ShouldBe(new PromptSettings("claude-sonnet-4-20250514", 2500, 0.1, 8000));
        (await db.PromptTemplates.CountAsync(t => t.ActiveVersionId != null, Cancel)).ShouldBe(2);
    }

    [Fact]
    public async Task CreateVersion_AddsAnInactiveAuditedVersion_WhenItIsHigherAndHasAChangelog()
    {
        var created = await CreateAsync("3.1.0", "Name owners");

        created.IsActive.ShouldBeFalse();
        created.BasedOn.ShouldBe("3.0.0");
        created.CreatedBy.ShouldBe("admin@ava.local");
        (await AuditAsync(PromptAuditActions.VersionCreated)).ShouldContain(e => e.Resource == "prompt/morning_briefing/3.1.0" && e.UserName == "admin@ava.local");
    }

    [Fact]
    public async Task CreateVersion_IsRefused_WhenTheNumberIsNotAboveTheHighest()
    {
        await CreateAsync("3.2.0", "first");

        var refused = await Should.ThrowAsync<DomainException>(() => CreateAsync("3.1.9", "lower"));

        refused.Message.ShouldBe("Version 3.1.9 must be higher than 3.2.0, the highest version of morning_briefing.");
    }

    [Fact]
    public async Task CreateVersion_NamesTheFields_WhenTheChangelogIsMissingAndTheSchemaIsNotJson()
    {
        await using var scope = _database.Services.CreateAsyncScope();
        var service = _database.Get<PromptService>(scope);
        var review = (await service.GetVersionAsync(PromptNames.CodeReview, "2.0.0", Cancel))!;

        var invalid = await Should.ThrowAsync<InvalidValuesException>(() =>
            service.CreateVersionAsync(PromptNames.CodeReview, NewPromptVersion.From(review, "2.1.0") with { JsonSchema = "{not json", TemplateText = "Review {code" }, Cancel));

        invalid.Errors.Keys.ShouldBe(["Changelog", "TemplateText", "JsonSchema"], ignoreOrder: true);
    }

    [Fact]
    public async Task Activate_MovesTheActiveVersionAndKeepsTheHistory_AndActivatingTheOldOneRollsBack()
    {
        await CreateAsync("3.1.0", "Name owners");
        await using var scope = _database.Services.CreateAsyncScope();
        var service = _database.Get<PromptService>(scope);

        await service.ActivateAsync(PromptNames.MorningBriefing, "3.1.0", "Owners were missing", Cancel);
        var rolledBack = await service.ActivateAsync(PromptNames.MorningBriefing, "3.0.0", "3.1.0 wrote longer briefings", Cancel);

        rolledBack.ActiveVersion.ShouldBe("3.0.0");
        rolledBack.Activations.Select(a => (a.FromVersion, a.ToVersion, a.Reason)).ShouldBe(
        [
            ("3.1.0", "3.0.0", "3.1.0 wrote longer briefings"),
            ("3.0.0", "3.1.0", "Owners were missing"),
            (null, "3.0.0", "Shipped with the product."),
        ]);
        (await AuditAsync(PromptAuditActions.VersionActivated)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Activate_NeedsAReason()
    {
        await CreateAsync("3.1.0", "x");
        await using var scope = _database.Services.CreateAsyncScope();

        var refused = await Should.ThrowAsync<DomainException>(() => _database.Get<PromptService>(scope).ActivateAsync(PromptNames.MorningBriefing, "3.1.0", " ", Cancel));

        refused.Message.ShouldStartWith("Activating a version needs a reason");
    }

    [Fact]
    public async Task Changes_AreRefusedAndAudited_WhenADeveloperTries()
    {
        _database.User = ServiceDatabase.Principal("developer@ava.local", Roles.Developer);
        await using var scope = _database.Services.CreateAsyncScope();
        var service = _database.Get<PromptService>(scope);

        await Should.ThrowAsync<PermissionDeniedException>(() => service.ActivateAsync(PromptNames.CodeReview, "2.0.0", "x", Cancel));
        (await service.ListAsync(Cancel)).Count.ShouldBe(2);
        (await AuditAsync(SecurityAuditActions.Violation)).ShouldContain(e => e.Resource == "service:PromptService.ActivateAsync");
    }

    [Fact]
    public async Task TestRun_IsRecordedAsATestAndLeftOutOfTheMetrics_UnlessAsked()
    {
        await using var scope = _database.Services.CreateAsyncScope();
        var review = PromptInputs.CodeReview(OfflineGeneratorTests.Codestone(4, "print(1)"));
        await _database.Get<PromptService>(scope).TestRunAsync(PromptNames.CodeReview, "2.0.0", new PromptTestInput(review.Placeholders, review.Items), Cancel);
        await _database.Get<PromptRunner>(scope).RunAsync(review, Cancel);
        var metrics = _database.Get<PromptMetricsQueries>(scope);
        var now = DateTimeOffset.UtcNow;

        var production = await metrics.ForTemplateAsync(PromptNames.CodeReview, now.AddHours(-1), now.AddMinutes(1), cancellationToken: Cancel);
        var withTests = await metrics.ForTemplateAsync(PromptNames.CodeReview, now.AddHours(-1), now.AddMinutes(1), includeTestRuns: true, Cancel);

        production.Versions.Single().Runs.ShouldBe(1);
        withTests.Versions.Single().Runs.ShouldBe(2);
        withTests.Versions.Single().EstimatedTokenRuns.ShouldBe(2);
        (await AuditAsync(PromptAuditActions.TestRun)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Diff_ComparesSettingsAndValidationLineByLine()
    {
        await using var scope = _database.Services.CreateAsyncScope();
        var service = _database.Get<PromptService>(scope);
        var seeded = (await service.GetVersionAsync(PromptNames.MorningBriefing, "3.0.0", Cancel))!;
        await service.CreateVersionAsync(PromptNames.MorningBriefing, NewPromptVersion.From(seeded, "4.0.0") with
        {
            MaxTokens = 1500, RequiredSections = ["Executive Summary", "Key Themes", "Recommended Actions", "Risks & Blockers"], Changelog = "Risks are required",
        }, Cancel);

        var diff = await _database.Get<PromptDiffService>(scope).CompareAsync(PromptNames.MorningBriefing, "3.0.0", "4.0.0", Cancel);

        var settings = diff.Sections.Single(s => s.Name == "Settings");
        settings.Lines.Where(l => l.Kind != DiffLineKind.Unchanged).Select(l => (l.Kind, l.Text)).ShouldBe([(DiffLineKind.Removed, "max_tokens: 2000"), (DiffLineKind.Added, "max_tokens: 1500")]);
        diff.Sections.Single(s => s.Name == "Validation").Lines.Single(l => l.Kind == DiffLineKind.Added).Text.ShouldBe("required_section: Risks & Blockers");
        diff.Sections.Single(s => s.Name == "Template text").Changed.ShouldBeFalse();
    }

    private async Task<PromptVersionDetail> CreateAsync(string number, string changelog)
    {
        await using var scope = _database.Services.CreateAsyncScope();
        var service = _database.Get<PromptService>(scope);
        var active = (await service.GetVersionAsync(PromptNames.MorningBriefing, "3.0.0", Cancel))!;
        return await service.CreateVersionAsync(PromptNames.MorningBriefing, NewPromptVersion.From(active, number) with { Changelog = changelog }, Cancel);
    }

    private async Task<List<AuditEvent>> AuditAsync(string action)
    {
        await using var db = _database.NewContext();
        return await db.AuditEvents.Where(e => e.Action == action).ToListAsync(Cancel);
    }
}
