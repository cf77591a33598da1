using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ava.Tests.TestData;

/// <summary>
/// An OpenAI-compatible chat server on 127.0.0.1 (a random port) that answers from a script, so the
/// real OpenAI and Azure OpenAI SDKs can be driven without the internet. It serves the OpenAI routes
/// (<c>{base}/chat/completions</c>, <c>{base}/models</c>) and the Azure ones
/// (<c>/openai/deployments/{name}/chat/completions</c>, <c>/openai/models</c>), and records every request.
/// Once the script is used up it repeats its last reply.
/// </summary>
public sealed class LoopbackChatServer : IAsyncDisposable
{
    public const string Model = "loopback-model";
    public const string ApiKey = "loopback-test-key";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedReply> _script = new();
    private ScriptedReply _last = ScriptedReply.Text("ok");

    private LoopbackChatServer(WebApplication app) => _app = app;

    /// <summary>Every chat request received, in order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The OpenAI provider's base URL (<c>Ai:OpenAI:Endpoint</c>).</summary>
    public string OpenAIEndpoint => BaseAddress + "v1";

    /// <summary>The Azure OpenAI resource address (<c>Ai:AzureOpenAI:Endpoint</c>).</summary>
    public string AzureEndpoint => BaseAddress;

    public string BaseAddress { get; private set; } = "";

    public static async Task<LoopbackChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackChatServer(app);
        app.MapPost("/v1/chat/completions", server.ChatAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", server.ChatAsync);
        app.MapGet("/v1/models", () => Results.Json(new { data = new[] { new { id = Model } } }));
        app.MapGet("/openai/models", (HttpRequest request) =>
            request.Headers["api-key"] == ApiKey ? Results.Json(new { data = new[] { new { id = Model } } }) : Results.StatusCode(401));
        await app.StartAsync();
        server.BaseAddress = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/";
        return server;
    }

    /// <summary>Settings that point the app's <paramref name="provider"/> (OpenAI or AzureOpenAI) at this server.</summary>
    public Dictionary<string, string?> Settings(string provider, int timeoutSeconds = 30, int maxRetries = 2) => provider == "AzureOpenAI"
        ? new()
        {
            ["Ai:Provider"] = "AzureOpenAI",
            ["Ai:AzureOpenAI:Endpoint"] = AzureEndpoint,
            ["Ai:AzureOpenAI:Deployment"] = Model,
            ["Ai:AzureOpenAI:ApiKey"] = ApiKey,
            ["Ai:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ai:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }
        : new()
        {
            ["Ai:Provider"] = "OpenAI",
            ["Ai:OpenAI:Endpoint"] = OpenAIEndpoint,
            ["Ai:OpenAI:Model"] = Model,
            ["Ai:OpenAI:ApiKey"] = ApiKey,
            ["Ai:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ai:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    /// <summary>Queues replies, answered one per request in order.</summary>
    public LoopbackChatServer Script(params ScriptedReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }

        return this;
    }

    private async Task ChatAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = JsonNode.Parse(body)!.AsObject();
        var messages = request["messages"]!.AsArray().Select(m => (Role: m!["role"]!.GetValue<string>(), Content: Content(m!["content"]))).ToList();
        Requests.Enqueue(new RecordedRequest(context.Request.Path, context.Request.Headers.Authorization.ToString(), context.Request.Headers["api-key"].ToString(), messages, body, DateTimeOffset.UtcNow));
        if (!_script.TryDequeue(out var reply))
        {
            reply = _last;
        }

        _last = reply;
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (reply.Status != 200)
        {
            context.Response.StatusCode = reply.Status;
            if (reply.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await context.Response.WriteAsJsonAsync(new { error = new { message = $"scripted {reply.Status}", type = "scripted" } });
            return;
        }

        var content = reply.Answer(messages);
        var completion = new Dictionary<string, object?>
        {
            ["id"] = "chatcmpl-loopback",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = Model,
            ["choices"] = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        };
        if (reply.ReportUsage)
        {
            completion["usage"] = new { prompt_tokens = 120, completion_tokens = 45, total_tokens = 165 };
        }

        await context.Response.WriteAsJsonAsync(completion);
    }

    private static string Content(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One scripted answer: a status, an optional delay, and the text (or a function of the conversation) to answer with.</summary>
public sealed record ScriptedReply(int Status, Func<IReadOnlyList<(string Role, string Content)>, string> Answer, TimeSpan Delay, int? RetryAfterSeconds, bool ReportUsage)
{
    public static ScriptedReply Text(string content, bool reportUsage = true) => new(200, _ => content, TimeSpan.Zero, null, reportUsage);

    public static ScriptedReply From(Func<IReadOnlyList<(string Role, string Content)>, string> answer) => new(200, answer, TimeSpan.Zero, null, true);

    public static ScriptedReply TooManyRequests(int retryAfterSeconds) => new(429, _ => "", TimeSpan.Zero, retryAfterSeconds, false);

    public static ScriptedReply ServerError() => new(500, _ => "", TimeSpan.Zero, null, false);

    public static ScriptedReply Slow(TimeSpan delay, string content) => new(200, _ => content, delay, null, true);
}

public sealed record RecordedRequest(string Path, string Authorization, string ApiKeyHeader, IReadOnlyList<(string Role, string Content)> Messages, string Body, DateTimeOffset ReceivedAt)
{
    public string User => Messages.LastOrDefault(m => m.Role == "user").Content ?? "";

    public string System => Messages.FirstOrDefault(m => m.Role == "system").Content ?? "";
}
