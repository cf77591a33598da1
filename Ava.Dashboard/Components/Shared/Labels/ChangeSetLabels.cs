using Ava.Domain.ChangeSets;
using Ava.Domain.Recommendations;
using MudBlazor;

namespace Ava.Dashboard.Components.Shared.Labels;

/// <summary>How changesets read on screen: the words and chip colours for their status, complexity and operations.</summary>
public static class ChangeSetLabels
{
    public static string Of(ChangeSetStatus status) => status == ChangeSetStatus.RolledBack ? "Rolled back" : "Applied";

    public static Color ColorOf(ChangeSetStatus status) => status == ChangeSetStatus.RolledBack ? Color.Warning : Color.Success;

    public static Color ColorOf(ChangeSetComplexity complexity) => complexity switch
    {
        ChangeSetComplexity.Complex => Color.Error,
        ChangeSetComplexity.Moderate => Color.Warning,
        _ => Color.Info,
    };

    public static Color ColorOf(ChangeOperation operation) => operation switch
    {
        ChangeOperation.Create => Color.Success,
        ChangeOperation.Delete => Color.Error,
        _ => Color.Info,
    };

    /// <summary>Why the approver could approve, as the changeset recorded it (either spelling).</summary>
    public static string Grant(string grant) => GrantLabels.Of(grant) ?? grant;
}
