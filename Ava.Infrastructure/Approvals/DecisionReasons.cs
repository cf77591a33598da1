using Ava.Domain.Recommendations;
using Ava.Infrastructure.Common;

namespace Ava.Infrastructure.Approvals;

/// <summary>The reason a person gives for a rejection or a rollback: required, and at most <see cref="AiRecommendation.ReasonMaxLength"/> characters.</summary>
internal static class DecisionReasons
{
    /// <param name="action">What the reason is for, as the message says it: "reject a recommendation".</param>
    public static void Demand(string? reason, string action)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > AiRecommendation.ReasonMaxLength)
        {
            throw new InvalidValuesException(new Dictionary<string, string[]>
            {
                ["reason"] = [string.IsNullOrWhiteSpace(reason)
                    ? $"A reason is required to {action}."
                    : $"The reason must be at most {AiRecommendation.ReasonMaxLength:N0} characters."],
            });
        }
    }
}
