using Ava.Tests.TestData;

namespace Ava.Tests.Web;

/// <summary>
/// The real app with its Hangfire server running and a <see cref="LoopbackChatServer"/> as its
/// OpenAI-compatible model (through the real OpenAI SDK), so the AI workflows run as they do in production
/// with only the model's HTTP answers scripted.
/// </summary>
public static class LoopbackModelApp
{
    /// <summary>
    /// Points <paramref name="app"/> at <paramref name="model"/> and runs its Hangfire server. The scheduled
    /// briefing moves to 1 January, so the schedule cannot spend a test's scripted answers.
    /// </summary>
    public static AvaAppFactory WithLoopbackModel(this AvaAppFactory app, LoopbackChatServer model)
    {
        foreach (var (key, value) in model.Settings("OpenAI"))
        {
            app.WithSetting(key, value!);
        }

        return app.WithSetting("Workflows:RunServer", "true").WithSetting("Briefings:Cron", "0 6 1 1 *");
    }
}

/// <summary>One app and its loopback model, shared by the tests of a class (which run one after another).</summary>
public sealed class LoopbackModelAppFixture : IAsyncLifetime
{
    public LoopbackChatServer Model { get; private set; } = null!;

    public AvaAppFactory App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Model = await LoopbackChatServer.StartAsync();
        App = new AvaAppFactory().WithLoopbackModel(Model);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Model.DisposeAsync();
    }
}
