using Ava.Infrastructure.Approvals;
using MudBlazor;

namespace Ava.Dashboard.Features.Approvals;

/// <summary>What the detail page tells the approver after a decision dialog closed, with an optional link (the ticket).</summary>
public sealed record DecisionNotice(Severity Severity, string Message, string? LinkHref = null, string? LinkText = null)
{
    /// <summary>Someone else decided first; the page reloads to show their decision.</summary>
    public static DecisionNotice Overtaken(RecommendationDecidedException refusal) => new(Severity.Warning, refusal.Message);

    /// <summary>The approval could not be applied; the recommendation is now Failed.</summary>
    public static DecisionNotice ApplyFailed(ApplyFailedException failure) => new(Severity.Error, failure.Message);
}
