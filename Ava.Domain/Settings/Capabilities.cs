namespace Ava.Domain.Settings;

/// <summary>An optional capability an administrator can switch off: its flag's name, how people call it and what it covers.</summary>
public sealed record Capability(string Name, string Title, string Description);

/// <summary>
/// The feature flags of the product (specification §12): optional capabilities only. Security is never a
/// flag: permissions, the audit trail, validation, injection screening, sign-in lockout and the refused-token
/// limit are always on, whatever is switched off here. Every flag is on until someone switches it off.
/// </summary>
public static class Capabilities
{
    public static readonly Capability AiFeatures = new(
        "AiFeatures", "AI features",
        "Runs of the prompt templates (test runs included), the prompts pages and their API, and the injection screening endpoint. Scheduled AI work fails instead of calling a model.");

    public static readonly Capability Briefings = new(
        "Briefings", "Morning briefings",
        "Writing morning briefings (the scheduled run, Run now and Regenerate), the briefings pages and their API. Briefings already written stay in the database.");

    public static readonly Capability CodeReviews = new(
        "CodeReviews", "AI code reviews",
        "Asking for AI reviews of codestones (the buttons and the API) and queued reviews that have not run yet, which fail with the reason. Reviews already written stay on their codestones.");

    public static readonly Capability CommandExecution = new(
        "CommandExecution", "Command execution",
        "The execution queue: its page, its API, and new or approved runs. A run already going is not stopped.");

    public static readonly Capability ApiRateLimits = new(
        "ApiRateLimits", "API rate limits",
        "The REST API's request windows per user (per address without a token). Switched off, a caller may send any number of requests; refused tokens and refused requests are still limited per address.");

    public static IReadOnlyList<Capability> All { get; } = [AiFeatures, Briefings, CodeReviews, CommandExecution, ApiRateLimits];

    public static Capability? Find(string name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
