namespace Ava.Domain.Prompts;

/// <summary>What a template asks the model for, and so how its output is validated.</summary>
public enum PromptOutputFormat
{
    /// <summary>Markdown or plain text: required sections and length bounds.</summary>
    Text = 0,

    /// <summary>A JSON document (also accepted inside a ```json fence), checked against the version's JSON Schema.</summary>
    Json = 1,
}

public enum PromptRunOutcome
{
    Succeeded = 0,

    /// <summary>The output still broke the version's validation after the one retry.</summary>
    ValidationFailed = 1,

    /// <summary>The provider failed (after its own retries), timed out or refused the request.</summary>
    ProviderFailed = 2,

    /// <summary>The instructions alone do not fit the version's token budget; nothing was sent.</summary>
    BudgetExceeded = 3,
}

/// <summary>The templates the product itself runs; their names are part of the contract.</summary>
public static class PromptNames
{
    public const string MorningBriefing = "morning_briefing";
    public const string CodeReview = "code_review";
}
