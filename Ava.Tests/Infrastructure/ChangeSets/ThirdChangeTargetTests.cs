using Ava.Dashboard.Components.Shared.Labels;
using Ava.Dashboard.Features.Approvals;
using Ava.Dashboard.Features.ChangeSets;
using Ava.Domain.Recommendations;
using Ava.Domain.Security;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Tickets;
using Ava.Tests.Components;
using Ava.Tests.TestData;
using Ava.Tests.TestData.Widgets;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static Ava.Tests.TestData.Widgets.WidgetChangeTarget;

namespace Ava.Tests.Infrastructure.ChangeSets;

/// <summary>
/// A kind of change target that only this test knows (widgets, in a table the test creates) goes through
/// the product's own intake, previews, approval, changesets, rollback, tickets, labels and pages,
/// registered like any kind and without a change to the product's code.
/// </summary>
public sealed class ThirdChangeTargetTests : DashboardTestContext, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly WidgetValues Gear = new("Gear wheel", 3, "Cut from brass.\nNeeds oil.\n", "gold");
    private static readonly WidgetValues Spring = new("Coil spring", 12, "", "silver");
    private ServiceDatabase _db = default!;
    private ApprovalScenario _scenario = default!;
    private Widget _gear = default!;
    private Widget _spring = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await UseDatabaseAsync(services => services.AddWidgets());
        await _db.ExecuteRawAsync(WidgetRegistration.CreateTableSql);
        await using var db = _db.NewContext();
        var at = new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.Zero);
        _gear = new Widget(Gear, "maker@ava.local", at);
        _spring = new Widget(Spring, "maker@ava.local", at.AddHours(1));
        db.AddRange(_gear, _spring);
        await db.SaveChangesAsync();
        _scenario = new ApprovalScenario(_db);
        _scenario.AsAdmin();
    }

    [Fact]
    public async Task AWidgetRecommendation_IsPreviewedAppliedAndRolledBack_ThroughTheProductsServices()
    {
        var gearBefore = await RowAsync(_gear.Id);
        var springBefore = await RowAsync(_spring.Id);
        var submitted = await _scenario.SubmitAsync(0.9,
            Change(_gear.Id, null, ("name", "Gear wheel (oiled)"), ("size", "9"), ("notes", "Cut from brass.\nOiled weekly.\n")),
            Change(null, null, ("name", "Escapement"), ("size", "4")),
            Change(_spring.Id, "delete"));

        var detail = (await _scenario.GetAsync(submitted.Id)).ShouldNotBeNull();
        (detail.TargetType, detail.TargetSummary).ShouldBe((WidgetType, "3 widgets"));
        detail.Preview.Select(p => p.TargetTitle).ShouldBe(["Gear wheel", "Escapement", "Coil spring"]);
        detail.Preview[0].Fields.Select(f => (f.Field, f.Current, f.Proposed, f.IsLongText)).ShouldBe(
        [
            ("name", "Gear wheel", "Gear wheel (oiled)", false),
            ("size", "3", "9", false),
            ("notes", "Cut from brass.\nNeeds oil.\n", "Cut from brass.\nOiled weekly.\n", true),
        ]);

        var changeSetId = await _scenario.ApproveAsync(submitted.Id);

        var changeSet = (await _scenario.GetChangeSetAsync(changeSetId)).ShouldNotBeNull();
        changeSet.Summary.TargetType.ShouldBe(WidgetType);
        changeSet.Records.Select(r => (r.EntityType, r.Operation, r.Title)).ShouldBe(
            [(WidgetType, ChangeOperation.Update, "Gear wheel (oiled)"), (WidgetType, ChangeOperation.Create, "Escapement"), (WidgetType, ChangeOperation.Delete, "Coil spring")]);
        changeSet.Records[0].Fields.Where(f => f.Written).Select(f => f.Field).ShouldBe(["name", "size", "notes"]);
        var createdId = changeSet.Records[1].EntityId;
        (await RowAsync(_gear.Id)).ShouldStartWith("Gear wheel (oiled)|9|");
        (await RowAsync(createdId)).ShouldStartWith("Escapement|4||grey|");
        (await RowAsync(_spring.Id)).ShouldBeNull();

        await _scenario.Use<ChangeSetService>(s => s.RollbackAsync(changeSetId, "The old gear was right."));

        (await RowAsync(_gear.Id)).ShouldNotBeNull().Split('|')[..4].ShouldBe(gearBefore!.Split('|')[..4]);
        (await RowAsync(_spring.Id)).ShouldBe(springBefore);
        (await RowAsync(createdId)).ShouldBeNull();
        (await _scenario.GetAsync(submitted.Id))!.Status.ShouldBe(RecommendationStatus.RolledBack);
    }

    [Fact]
    public async Task AWidgetSubmission_IsCheckedAgainstTheWidgetsAllowListAndValues()
    {
        var refused = await Should.ThrowAsync<InvalidValuesException>(() => _scenario.SubmitAsync(0.9,
            Change(_gear.Id, null, ("colour", "red")),
            Change(_spring.Id, null, ("size", "big")),
            Change(424242, null, ("size", "5")),
            new SubmittedChange("gadget", 1, [new FieldChange("name", "x")])));

        refused.Errors["changes[0].fields[0]"].ShouldBe(["Field 'colour' is not allowed on a widget; a recommendation may change name, size, notes."]);
        refused.Errors["changes[1].fields[0]"].ShouldBe(["'big' is not a valid size; use a whole number."]);
        refused.Errors["changes[2].targetId"].ShouldBe(["There is no widget #424242."]);
        refused.Errors["changes[3].targetType"].ShouldBe(["Target type 'gadget' is not allowed; recommendations may change stream or codestone or widget."]);
    }

    [Fact]
    public async Task AWidgetSubmission_IsRefusedWithTheWidgetValidatorsMessage_WhenTheValueBreaksItsRule()
    {
        var refused = await Should.ThrowAsync<InvalidValuesException>(() => _scenario.SubmitAsync(0.9, Change(_gear.Id, null, ("size", "500"))));

        refused.Errors["changes[0].fields[0]"].ShouldBe(["Size must be between 1 and 100."]);
    }

    [Fact]
    public async Task AWidgetApproval_FailsWithTheWidgetValidatorsMessage_AndChangesNothing()
    {
        var before = await RowAsync(_gear.Id);
        var submitted = await _scenario.SubmitAsync(0.9, Change(_gear.Id, null, ("size", "50")));

        // Submission refuses such a value now; a recommendation recorded before that rule still meets the validator at approval.
        await _db.ExecuteRawAsync($"UPDATE Recommendations SET Changes = replace(Changes, '\"50\"', '\"500\"') WHERE Id = {submitted.Id}");

        (await _scenario.GetAsync(submitted.Id))!.Preview.ShouldHaveSingleItem().Problems.ShouldBe(["Size must be between 1 and 100."]);
        var failed = await Should.ThrowAsync<ApplyFailedException>(() => _scenario.ApproveAsync(submitted.Id));

        failed.Reason.ShouldBe($"Widget #{_gear.Id}: Size must be between 1 and 100.");
        (await RowAsync(_gear.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task AnEscalatedWidgetRecommendation_NamesTheWidgetInItsTicket()
    {
        var submitted = await _scenario.SubmitAsync(0.2, Change(_gear.Id, null, ("size", "9")));

        var ticket = (await _scenario.Use<TicketService, TicketDetail?>(s => s.GetAsync(submitted.TicketId!.Value))).ShouldNotBeNull();
        ticket.Subject.ShouldBe($"AI recommendation #{submitted.Id}: Gear wheel (size → 9)");
        ticket.Body.ShouldContain("- **Target:** Gear wheel (widget)");
        ticket.Body.ShouldContain($"#### Update widget #{_gear.Id}: Gear wheel");
        ticket.Body.ShouldContain("| size | 3 | 9 |");
    }

    [Fact]
    public async Task TheApprovalAndChangesetPages_LabelAndLinkWidgets_FromTheCatalogue()
    {
        var submitted = await _scenario.SubmitAsync(0.9, Change(_gear.Id, null, ("size", "9")), Change(null, null, ("name", "Escapement")));
        Render<MudPopoverProvider>();
        var admin = StateOf(ServiceDatabase.Principal("admin@ava.local", Roles.Admin));

        var approval = Render<ApprovalDetailPage>(p => p.Add(x => x.Id, submitted.Id).AddCascadingValue(admin));
        approval.WaitForElement("[data-testid=change-preview]", Wait);

        approval.FindAll(".mud-typography-subtitle1").Select(e => e.TextContent.Trim()).ShouldContain("Widget: 2 widgets");
        var previews = approval.FindAll("[data-testid=change-preview]");
        previews[0].GetAttribute("aria-label").ShouldBe("Update widget Gear wheel");
        previews[0].QuerySelector("h3 a")!.GetAttribute("href").ShouldBe($"/widgets/{_gear.Id}");
        previews[1].QuerySelector("h3")!.TextContent.ShouldStartWith("Widget:");
        previews[1].QuerySelector("h3 a").ShouldBeNull();
        Services.GetRequiredService<TargetLabels>().Types.ShouldBe([ChangeTargetType.Stream, ChangeTargetType.Codestone, WidgetType]);

        var changeSetId = await _scenario.ApproveAsync(submitted.Id);
        var changeSet = Render<ChangeSetDetailPage>(p => p.Add(x => x.Id, changeSetId).AddCascadingValue(admin));
        changeSet.WaitForAssertion(() => changeSet.FindAll("[data-testid=change-record]").Count.ShouldBe(2), Wait);

        var createdId = (await _scenario.GetChangeSetAsync(changeSetId))!.Records[1].EntityId;
        changeSet.FindAll("[data-testid=change-record] h2").Select(h => h.TextContent).ShouldBe(
            [$"1. Widget #{_gear.Id} · Gear wheel", $"2. Widget #{createdId} · Escapement"]);
        changeSet.Find($"a[href='/widgets/{_gear.Id}']").TextContent.ShouldBe($"Open widget #{_gear.Id}");
        changeSet.FindAll("dl.changeset-facts dd")[0].TextContent.ShouldBe("2 widgets (Widget)");
    }

    private static SubmittedChange Change(long? id, string? operation, params (string Field, string? Value)[] fields) =>
        new(WidgetType.Name, id, fields.Select(f => new FieldChange(f.Field, f.Value)).ToList(), operation);

    /// <summary>The widget's row as stored, or null when there is none.</summary>
    private async Task<string?> RowAsync(long id)
    {
        await using var db = _db.NewContext();
        var w = await db.Set<Widget>().AsNoTracking().SingleOrDefaultAsync(w => w.Id == id);
        return w is null ? null : $"{w.Name}|{w.Size}|{w.Notes}|{w.Colour}|{w.CreatedBy}|{w.CreatedAt:O}|{w.UpdatedBy}|{w.UpdatedAt:O}";
    }
}
