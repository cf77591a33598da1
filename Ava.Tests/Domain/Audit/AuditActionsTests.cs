using Ava.Domain.Audit;
using Ava.Domain.Streams;
using Ava.Domain.Workflows;

namespace Ava.Tests.Domain.Audit;

public sealed class AuditActionsTests
{
    [Fact]
    public void All_CollectsTheConstantsOfEveryFeatureSet()
    {
        AuditActions.All.ShouldContain(new AuditActionInfo("Streams", StreamAuditActions.Archived));
        AuditActions.All.ShouldContain(new AuditActionInfo("Workflows", WorkflowAuditActions.CallerRefused));
        AuditActions.All.Select(a => a.Feature).Distinct().Count().ShouldBeGreaterThanOrEqualTo(10);
    }

    [Fact]
    public void All_NamesEachActionOnce_AsFeatureDotVerb()
    {
        AuditActions.All.Select(a => a.Name).ShouldBeUnique();
        AuditActions.All.ShouldAllBe(a => System.Text.RegularExpressions.Regex.IsMatch(a.Name, "^[a-z0-9_]+\\.[a-z0-9_]+$"));
    }

    [Fact]
    public void IsKnown_RefusesANameNoSetDeclares()
    {
        AuditActions.IsKnown(StreamAuditActions.Created).ShouldBeTrue();
        AuditActions.IsKnown("stream.teleported").ShouldBeFalse();
    }
}
