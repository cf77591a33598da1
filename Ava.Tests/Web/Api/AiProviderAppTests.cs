using System.Net;
using Ava.Tests.TestData;

namespace Ava.Tests.Web.Api;

/// <summary>
/// The real app configured for a model (the loopback server, through the real OpenAI SDK): test runs, the AI
/// limit, and the key kept out of every log entry (the capture sees all levels, including the chat logging's trace).
/// </summary>
public sealed class AiProviderAppTests : IAsyncLifetime
{
    private const string Key = "sk-loopback-secret-4f1d9c";
    private LoopbackChatServer _server = null!;
    private AvaAppFactory _app = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackChatServer.StartAsync();
        _app = new AvaAppFactory();
        foreach (var (key, value) in _server.Settings("OpenAI"))
        {
            _app.WithSetting(key, value!);
        }

        _app.WithSetting("Ai:OpenAI:ApiKey", Key).WithSetting("Ai:RateLimit:PermitLimit", "1");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task TestRun_CallsTheModel_ThenIs429WithRetryAfter_AndTheKeyNeverReachesTheLog()
    {
        _server.Script(ScriptedReply.Text("""{"functionality_score": 6, "code_quality_score": 6, "security_score": 6, "performance_score": 6, "ecl_score": 0.6}"""));
        using var admin = await ApiClient.ForAsync(_app, AvaAppFactory.AdminEmail);
        var body = new
        {
            placeholders = new Dictionary<string, string> { ["codestone_id"] = "1", ["language"] = "Go" },
            items = new[] { new { placeholder = "title", text = "t" }, new { placeholder = "code_content", text = "package main" } },
        };

        using var first = await admin.PostJsonAsync("/api/v1/prompts/code_review/versions/2.0.0/test-run", body);
        using var second = await admin.PostJsonAsync("/api/v1/prompts/code_review/versions/2.0.0/test-run", body);

        var run = await first.ReadJsonAsync();
        first.StatusCode.ShouldBe(HttpStatusCode.OK, run.ToString());
        run.GetProperty("isOffline").GetBoolean().ShouldBeFalse();
        run.GetProperty("model").GetString().ShouldBe(LoopbackChatServer.Model);
        run.GetProperty("tokensIn").GetInt32().ShouldBe(120);
        _server.Requests.Single().Authorization.ShouldBe($"Bearer {Key}");
        var limited = await second.ReadProblemAsync(429);
        limited.GetProperty("detail").GetString()!.ShouldStartWith("You have used your 1 AI actions");
        second.Headers.RetryAfter.ShouldNotBeNull();
        _app.Log.Entries.ShouldNotBeEmpty();
        _app.Log.Entries.ShouldNotContain(e => e.Contains(Key, StringComparison.Ordinal));
    }
}
