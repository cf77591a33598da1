using System.Globalization;
using Ava.Domain.Prompts;
using MudBlazor;

namespace Ava.Dashboard.Features.Prompts;

/// <summary>How prompt data reads on the pages.</summary>
public static class PromptLabels
{
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Percent(double? rate) => rate is { } r ? r.ToString("P0", CultureInfo.InvariantCulture) : "—";

    public static string Number(double? value, string format = "N0") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    public static string Of(PromptRunOutcome outcome) => outcome switch
    {
        PromptRunOutcome.Succeeded => "Succeeded",
        PromptRunOutcome.ValidationFailed => "Failed validation",
        PromptRunOutcome.ProviderFailed => "Provider failed",
        PromptRunOutcome.BudgetExceeded => "Over budget",
        _ => outcome.ToString(),
    };

    public static Color ColorOf(PromptRunOutcome outcome) => outcome == PromptRunOutcome.Succeeded ? Color.Success : Color.Error;

    /// <summary>The next minor version after the highest one, for a new version's form.</summary>
    public static string NextMinor(string highest) =>
        SemanticVersion.TryParse(highest, out var v) ? (v with { Minor = v.Minor + 1, Patch = 0 }).ToString() : "1.0.0";
}
