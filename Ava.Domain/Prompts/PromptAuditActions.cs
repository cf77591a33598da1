using Ava.Domain.Audit;

namespace Ava.Domain.Prompts;

/// <summary>Prompt templates and the AI runs made from them.</summary>
[AuditActionSet("AI and prompts")]
public static class PromptAuditActions
{
    public const string VersionCreated = "prompt.version_created";
    public const string VersionActivated = "prompt.version_activated";
    public const string TestRun = "prompt.test_run";
    public const string RunFailed = "ai.run_failed";

    /// <summary>A run whose untrusted input scored as a likely prompt injection; the flag travels with what it produced.</summary>
    public const string InputFlagged = "ai.input_flagged";
}
