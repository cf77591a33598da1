using System.Text.RegularExpressions;
using Ava.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>
/// One changeset at <c>/changesets/{id}</c>: its facts, one section per entity it touched with the fields before
/// and after, and for approvers the rollback with its dialog and, when refused, the conflict table.
/// </summary>
public sealed partial class ChangeSetDetailPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The chips with status, complexity and the number of entities.</summary>
    public ILocator Facts => page.GetByTestId("changeset-facts");

    /// <summary>Who rolled the changeset back, when and why; absent while it is applied.</summary>
    public ILocator RollbackFacts => page.GetByTestId("rollback-facts");

    public ILocator RollBackButton => page.GetByRole(AriaRole.Button, new() { Name = "Roll back", Exact = true });

    /// <summary>The refused rollback: the service's message and the table of conflicting fields.</summary>
    public ILocator ConflictAlert => page.GetByTestId("rollback-conflicts");

    /// <summary>The rows of the conflict table (Entity, Field, Value now, Value the changeset wrote), without its header.</summary>
    public ILocator ConflictRows => page.GetByLabel("Rollback conflicts", new() { Exact = true }).GetByRole(AriaRole.Row)
        .Filter(new() { Has = page.GetByRole(AriaRole.Cell) });

    public ILocator RollbackDialog => page.GetByRole(AriaRole.Dialog, new() { NameRegex = RollbackDialogTitle() });

    /// <summary>The rollback dialog's reason box.</summary>
    public ILocator RollbackReason => RollbackDialog.GetByRole(AriaRole.Textbox, new() { NameRegex = ReasonLabel() });

    /// <summary>The rollback dialog's own Roll back button.</summary>
    public ILocator ConfirmRollBackButton => RollbackDialog.GetByRole(AriaRole.Button, new() { Name = "Roll back", Exact = true });

    public async Task GotoAsync(long id)
    {
        await page.GotoAsync($"/changesets/{id}");
        await Assertions.Expect(Heading).ToHaveTextAsync($"Changeset #{id}");
    }

    /// <summary>The section of one entity the changeset touched, by the kind its heading names ("Stream") and its id.</summary>
    public ILocator Record(string kind, long id) =>
        page.GetByRole(AriaRole.Region).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex($@"\b{Regex.Escape(kind)} #{id} ·") }) });

    /// <summary>The row of one field in an entity's section.</summary>
    public ILocator Field(string kind, long id, string field) =>
        Record(kind, id).GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { NameRegex = new Regex($"^{Regex.Escape(field)}( written)?$") }) });

    /// <summary>The value cells (before, after) of one field that is not diffed line by line.</summary>
    public ILocator ValueCells(string kind, long id, string field) => Field(kind, id, field).GetByRole(AriaRole.Cell);

    /// <summary>The "written" mark of a field this changeset wrote.</summary>
    public ILocator WrittenMark(string kind, long id, string field) =>
        Field(kind, id, field).GetByRole(AriaRole.Rowheader).GetByText("written", new() { Exact = true });

    /// <summary>The lines of a long text field's diff marked added.</summary>
    public ILocator AddedLines(string kind, long id, string field) =>
        Field(kind, id, field).GetByRole(AriaRole.Group, new() { Name = $"Changes to {field}", Exact = true }).Locator("ins .text-diff-text");

    /// <summary>The lines of a long text field's diff marked removed.</summary>
    public ILocator RemovedLines(string kind, long id, string field) =>
        Field(kind, id, field).GetByRole(AriaRole.Group, new() { Name = $"Changes to {field}", Exact = true }).Locator("del .text-diff-text");

    /// <summary>Rolls the changeset back with <paramref name="reason"/> and waits for the dialog to close (done or refused).</summary>
    public async Task RollBackAsync(string reason)
    {
        await RollBackButton.ClickWhenInteractiveAsync();
        await Assertions.Expect(RollbackDialog).ToBeVisibleAsync();
        await RollbackReason.FillAsync(reason);
        await ConfirmRollBackButton.ClickAsync();
        await Assertions.Expect(RollbackDialog).ToBeHiddenAsync();
    }

    [GeneratedRegex(@"^Roll back changeset #\d+$")]
    private static partial Regex RollbackDialogTitle();

    [GeneratedRegex(@"^Reason")]
    private static partial Regex ReasonLabel();
}
