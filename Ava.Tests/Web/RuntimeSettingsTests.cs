using System.Text.Json;

namespace Ava.Tests.Web;

/// <summary>The runtime settings the app starts with, as the runtime reads them from the app's runtimeconfig.json.</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void ThreadPoolWorkers_BlockAtOnceWhenIdle_InsteadOfSpinningForWork()
    {
        // The referenced app is copied next to the tests, with its own runtimeconfig and deps files.
        var path = Path.Combine(AppContext.BaseDirectory, "Ava.Dashboard.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32().ShouldBe(0);
    }
}
