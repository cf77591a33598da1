using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ava.Tests.TestData;

/// <summary>An alert webhook's receiver on 127.0.0.1 (a random port): records every JSON POST and answers with the status the test sets.</summary>
public sealed class LoopbackWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackWebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The bodies received, in order.</summary>
    public ConcurrentQueue<JsonElement> Received { get; } = new();

    /// <summary>What the receiver answers; 204 unless a test wants a refusal.</summary>
    public int Status { get; set; } = StatusCodes.Status204NoContent;

    public string Url { get; private set; } = "";

    public static async Task<LoopbackWebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new LoopbackWebhookReceiver(app);
        app.MapPost("/hooks/alerts", async (HttpRequest request) =>
        {
            receiver.Received.Enqueue((await JsonDocument.ParseAsync(request.Body)).RootElement.Clone());
            return Results.StatusCode(receiver.Status);
        });
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/hooks/alerts";
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
