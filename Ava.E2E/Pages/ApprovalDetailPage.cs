using System.Text.RegularExpressions;
using Ava.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>
/// One recommendation at <c>/approvals/{id}</c>: its facts and rationale, the preview of what approval would
/// change, and for approvers the Approve, Reject and Escalate actions, each with its dialog.
/// </summary>
public sealed partial class ApprovalDetailPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = RecommendationHeading() });

    /// <summary>The status chip: Pending, Applied, Rejected, Escalated, Failed or Rolled back.</summary>
    public ILocator Status => page.GetByTestId("recommendation-facts").GetByTestId("recommendation-status");

    public ILocator ApproveButton => Action("Approve");

    public ILocator RejectButton => Action("Reject");

    public ILocator EscalateButton => Action("Escalate");

    /// <summary>Why the actions are disabled, for users who may see but not decide.</summary>
    public ILocator DecisionHint => Actions.GetByText("Only approvers can decide.", new() { Exact = true });

    /// <summary>One section per entity the recommendation changes: current → proposed.</summary>
    public ILocator PreviewSections => page.GetByTestId("change-preview");

    /// <summary>The value cells (current, proposed) of one field of the preview; the arrow between them is hidden from assistive technology.</summary>
    public ILocator ValueCells(string field) =>
        PreviewSections.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = field, Exact = true }) }).GetByRole(AriaRole.Cell);

    /// <summary>Who decided, when, why, and the changeset or ticket it led to.</summary>
    public ILocator Decision => page.GetByTestId("decision");

    /// <summary>The helpdesk ticket of an escalated recommendation, named by its number.</summary>
    public ILocator TicketLink => Decision.GetByRole(AriaRole.Link, new() { NameRegex = TicketNumber() });

    /// <summary>What the page says right after a decision, such as the new ticket's number.</summary>
    public ILocator Notice => page.GetByTestId("decision-notice");

    private ILocator Actions => page.GetByRole(AriaRole.Group, new() { Name = "Decision", Exact = true });

    public ILocator ApproveDialog => page.GetByRole(AriaRole.Dialog, new() { Name = "Approve recommendation", Exact = true });

    /// <summary>The Approve dialog's "I have reviewed the changes", asked for when the confidence is below the ready band.</summary>
    public ILocator ReviewedCheckbox => ApproveDialog.GetByRole(AriaRole.Checkbox, new() { Name = "I have reviewed the changes" });

    /// <summary>The Approve dialog's own Approve button.</summary>
    public ILocator ConfirmApproveButton => ApproveDialog.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true });

    private ILocator RejectDialog => page.GetByRole(AriaRole.Dialog, new() { Name = "Reject recommendation", Exact = true });

    private ILocator EscalateDialog => page.GetByRole(AriaRole.Dialog, new() { Name = "Escalate recommendation", Exact = true });

    public async Task GotoAsync(long id)
    {
        await page.GotoAsync($"/approvals/{id}");
        await Assertions.Expect(Heading).ToBeVisibleAsync();
    }

    /// <summary>Approves through the Approve dialog (confirming the review when the dialog asks for it) and returns the changeset id the page lands on.</summary>
    public async Task<long> ApproveAsync()
    {
        await ApproveButton.ClickWhenInteractiveAsync();
        if (await ReviewedCheckbox.IsVisibleAsync())
        {
            await ReviewedCheckbox.CheckAsync();
        }

        await ConfirmApproveButton.ClickAsync();
        // Blazor navigates inside the page (no load event), so wait for the address itself.
        await Assertions.Expect(page).ToHaveURLAsync(ChangeSetAddress());
        return long.Parse(ChangeSetAddress().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Tries to reject without a reason; the dialog stays open and says a reason is required.</summary>
    public async Task<ILocator> TryRejectWithoutReasonAsync()
    {
        await RejectButton.ClickWhenInteractiveAsync();
        await RejectDialog.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
        return RejectDialog.GetByText("A reason is required to reject a recommendation.");
    }

    /// <summary>Rejects with <paramref name="reason"/> through the Reject dialog, opening it unless it is open already.</summary>
    public async Task RejectAsync(string reason)
    {
        if (!await RejectDialog.IsVisibleAsync())
        {
            await RejectButton.ClickWhenInteractiveAsync();
        }

        await RejectDialog.GetByRole(AriaRole.Textbox, new() { Name = "Reason" }).FillAsync(reason);
        await RejectDialog.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
        await Assertions.Expect(RejectDialog).ToBeHiddenAsync();
    }

    /// <summary>Escalates with <paramref name="urgency"/> (low, medium, high or critical) through the Escalate dialog.</summary>
    public async Task EscalateAsync(string urgency)
    {
        await EscalateButton.ClickWhenInteractiveAsync();
        await EscalateDialog.GetByRole(AriaRole.Combobox, new() { Name = "Urgency" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = urgency, Exact = true }).ClickAsync();
        await EscalateDialog.GetByRole(AriaRole.Button, new() { Name = "Escalate", Exact = true }).ClickAsync();
        await Assertions.Expect(EscalateDialog).ToBeHiddenAsync();
    }

    private ILocator Action(string name) => Actions.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [GeneratedRegex(@"^Recommendation #\d+$")]
    private static partial Regex RecommendationHeading();

    [GeneratedRegex(@"/changesets/(\d+)$")]
    private static partial Regex ChangeSetAddress();

    [GeneratedRegex(@"^AI-ESC-\d{8}-[0-9A-F]{8}$")]
    private static partial Regex TicketNumber();
}
