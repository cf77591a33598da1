namespace Ava.Domain.Prompts;

/// <summary>One move of a template's active version: who, from which version to which, when and why.</summary>
public sealed class PromptActivation
{
    private PromptActivation()
    {
    }

    internal PromptActivation(string? fromVersion, string toVersion, string by, DateTimeOffset at, string reason)
    {
        FromVersion = fromVersion;
        ToVersion = toVersion;
        ActivatedBy = by;
        ActivatedAt = at;
        Reason = reason;
    }

    public long Id { get; private set; }

    public long TemplateId { get; private set; }

    /// <summary>The version that was active before; null for the first activation.</summary>
    public string? FromVersion { get; private set; }

    public string ToVersion { get; private set; } = "";

    public string ActivatedBy { get; private set; } = "";

    public DateTimeOffset ActivatedAt { get; private set; }

    public string Reason { get; private set; } = "";
}
