using Ava.Domain.Audit;

namespace Ava.Domain.Briefings;

/// <summary>Morning briefings: written, asked to be written again, rated.</summary>
[AuditActionSet("Briefings")]
public static class BriefingAuditActions
{
    public const string Generated = "briefing.generated";
    public const string RegenerationRequested = "briefing.regeneration_requested";
    public const string Rated = "briefing.rated";
}
