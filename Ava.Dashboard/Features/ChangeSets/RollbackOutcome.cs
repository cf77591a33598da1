using Ava.Infrastructure.Approvals;

namespace Ava.Dashboard.Features.ChangeSets;

/// <summary>
/// How a rollback the dialog ran ended, for the page to show: done, refused with conflicts, or refused because
/// someone rolled the changeset back first.
/// </summary>
public sealed record RollbackOutcome(RollbackConflictException? Conflict = null, string? AlreadyRolledBack = null)
{
    public static RollbackOutcome Done { get; } = new();
}
