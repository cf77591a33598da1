using Ava.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;

namespace Ava.Tests.Infrastructure.Configuration;

public sealed class WorkflowOptionsTests
{
    [Fact]
    public void EffectiveRetryDelaysSeconds_AreExactlyTheConfiguredOnes_WhenTheSectionSetsThem()
    {
        var section = Section(new() { ["Workflows:RetryDelaysSeconds:0"] = "1", ["Workflows:RetryDelaysSeconds:1"] = "2" });

        var options = section.Get<WorkflowOptions>().ShouldNotBeNull();

        options.EffectiveRetryDelaysSeconds().ShouldBe([1, 2]);
    }

    [Fact]
    public void EffectiveRetryDelaysSeconds_AreTheSpecDefaults_WhenTheSectionSetsNone()
    {
        var section = Section(new() { ["Workflows:RetryAttempts"] = "3" });

        var options = section.Get<WorkflowOptions>().ShouldNotBeNull();

        options.EffectiveRetryDelaysSeconds().ShouldBe([60, 120, 240]);
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(WorkflowOptions.Section);
}
