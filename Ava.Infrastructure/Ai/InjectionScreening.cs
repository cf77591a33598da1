using Ava.Domain.Common;
using Ava.Domain.Security;
using Ava.Infrastructure.Security;

namespace Ava.Infrastructure.Ai;

/// <summary>The injection scorer as a product feature: integrators screen content before they submit it (run_ai_prompts).</summary>
public sealed class InjectionScreening(PermissionGuard guard, InjectionScorer scorer)
{
    public const int MaxTextLength = 100_000;

    public async Task<InjectionAssessment> ScreenAsync(string text)
    {
        await guard.DemandAsync(Permissions.RunAiPrompts);
        if (text.Length > MaxTextLength)
        {
            throw new DomainException($"Screen at most {MaxTextLength:N0} characters at a time.");
        }

        return scorer.Score(text);
    }
}
