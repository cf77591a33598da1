using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;

namespace Ava.Infrastructure.Ai;

/// <summary>
/// Builds the configured provider as an <see cref="IChatClient"/>: the SDK's client (whose retry
/// policy, honouring Retry-After on 429 and 5xx, is the only retry layer), then logging and
/// OpenTelemetry middleware. Azure.AI.OpenAI 2.1 is used only through <c>AsIChatClient()</c>.
/// </summary>
internal static class AiClientFactory
{
    /// <summary>The OpenTelemetry source name of model calls.</summary>
    public const string TelemetrySource = "Ava.Ai";

    /// <summary>The model the offline generator reports and the tokenizer counts with.</summary>
    public const string OfflineModel = "offline-generator";

    public static AiProvider Create(AiOptions options, ILoggerFactory loggerFactory, IServiceProvider services)
    {
        var (inner, model) = options.Provider switch
        {
            AiProviderKind.AzureOpenAI => (AzureClient(options), options.AzureOpenAI.Deployment!),
            AiProviderKind.OpenAI => (OpenAIClient(options), options.OpenAI.Model!),
            _ => ((IChatClient)new OfflineChatClient(), OfflineModel),
        };

        var client = new ChatClientBuilder(inner)
            .UseLogging(loggerFactory)
            .UseOpenTelemetry(loggerFactory, TelemetrySource, telemetry => telemetry.EnableSensitiveData = false)
            .Build(services);
        return new AiProvider(options.Provider, model, client);
    }

    private static IChatClient AzureClient(AiOptions options)
    {
        var azure = options.AzureOpenAI;
        var clientOptions = new AzureOpenAIClientOptions
        {
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
        };
        var endpoint = new Uri(azure.Endpoint!);
        var client = string.IsNullOrWhiteSpace(azure.ApiKey)
            ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), clientOptions)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(azure.ApiKey), clientOptions);
        return client.GetChatClient(azure.Deployment).AsIChatClient();
    }

    private static IChatClient OpenAIClient(AiOptions options)
    {
        var openAi = options.OpenAI;
        var clientOptions = new OpenAIClientOptions
        {
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
        };
        if (!string.IsNullOrWhiteSpace(openAi.Endpoint))
        {
            clientOptions.Endpoint = new Uri(openAi.Endpoint);
        }

        // A local server (Ollama, vLLM) needs no key, but the SDK wants a credential to send.
        var key = string.IsNullOrWhiteSpace(openAi.ApiKey) ? "no-key" : openAi.ApiKey;
        return new OpenAIClient(new ApiKeyCredential(key), clientOptions).GetChatClient(openAi.Model).AsIChatClient();
    }
}
