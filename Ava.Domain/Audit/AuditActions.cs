namespace Ava.Domain.Audit;

/// <summary>The action names written to the audit trail. Features add theirs here.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "auth.sign_in";
    public const string SignInFailed = "auth.sign_in_failed";
    public const string LockedOut = "auth.locked_out";
    public const string SignOut = "auth.sign_out";
    public const string PasswordChanged = "auth.password_changed";
    public const string TwoFactorEnabled = "auth.2fa_enabled";
    public const string TwoFactorDisabled = "auth.2fa_disabled";
    public const string UserCreated = "user.created";
    public const string RoleChanged = "user.role_changed";
    public const string ApproverGranted = "user.approver_granted";
    public const string ApproverRevoked = "user.approver_revoked";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
    public const string SecurityViolation = "security.violation";
    public const string WorkflowFailed = "workflow.failed";
    public const string AuditExported = "audit.exported";
    public const string AlertAcknowledged = "alert.acknowledged";
    public const string RecommendationSubmitted = "recommendation.submitted";
    public const string RecommendationApproved = "recommendation.approved";
    public const string RecommendationRejected = "recommendation.rejected";
    public const string RecommendationEscalated = "recommendation.escalated";
    public const string RecommendationApplyFailed = "recommendation.apply_failed";
    public const string ChangeSetApplied = "changeset.applied";
    public const string ChangeSetRolledBack = "changeset.rolled_back";
    public const string ChangeSetRollbackRefused = "changeset.rollback_refused";
    public const string TicketOpened = "ticket.opened";
    public const string TicketStatusChanged = "ticket.status_changed";
    public const string ApiTokenCreated = "api_token.created";
    public const string ApiTokenRevoked = "api_token.revoked";

    public const string PromptVersionCreated = "prompt.version_created";
    public const string PromptVersionActivated = "prompt.version_activated";
    public const string PromptTestRun = "prompt.test_run";
    public const string AiRunFailed = "ai.run_failed";

    /// <summary>A run whose untrusted input scored as a likely prompt injection; the flag travels with what it produced.</summary>
    public const string AiInputFlagged = "ai.input_flagged";

    /// <summary>A write request (POST, PUT, PATCH, DELETE) made with an API token, with its outcome.</summary>
    public const string ApiWrite = "api.write";

    public static IReadOnlyList<string> All { get; } =
    [
        SignInSucceeded, SignInFailed, LockedOut, SignOut, PasswordChanged, TwoFactorEnabled, TwoFactorDisabled,
        UserCreated, RoleChanged, ApproverGranted, ApproverRevoked, UserLocked, UserUnlocked,
        SecurityViolation, WorkflowFailed, AuditExported, AlertAcknowledged,
        RecommendationSubmitted, RecommendationApproved, RecommendationRejected, RecommendationEscalated, RecommendationApplyFailed,
        ChangeSetApplied, ChangeSetRolledBack, ChangeSetRollbackRefused, TicketOpened, TicketStatusChanged,
        ApiTokenCreated, ApiTokenRevoked, ApiWrite,
        PromptVersionCreated, PromptVersionActivated, PromptTestRun, AiRunFailed, AiInputFlagged,
    ];
}
