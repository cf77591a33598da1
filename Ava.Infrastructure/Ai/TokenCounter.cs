using System.Collections.Concurrent;
using Microsoft.ML.Tokenizers;

namespace Ava.Infrastructure.Ai;

/// <summary>
/// Counts tokens the way the model will: tiktoken for the model's name, o200k_base for names the
/// tokenizer library does not know (deployments, local models, the offline generator).
/// Tokenizers are loaded once per model name and shared; they are thread-safe.
/// </summary>
public sealed class TokenCounter
{
    private const string FallbackEncoding = "o200k_base";
    private static readonly ConcurrentDictionary<string, Tokenizer> Tokenizers = new(StringComparer.OrdinalIgnoreCase);

    public static Tokenizer For(string model) => Tokenizers.GetOrAdd(model, static name =>
    {
        try
        {
            return TiktokenTokenizer.CreateForModel(name);
        }
        catch (Exception ex) when (ex is NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return Tokenizers.GetOrAdd("encoding:" + FallbackEncoding, _ => TiktokenTokenizer.CreateForEncoding(FallbackEncoding));
        }
    });

    public static int Count(string model, string text) => text.Length == 0 ? 0 : For(model).CountTokens(text);

    /// <summary>The longest prefix of <paramref name="text"/> with at most <paramref name="maxTokens"/> tokens.</summary>
    public static string Truncate(string model, string text, int maxTokens)
    {
        if (maxTokens <= 0)
        {
            return "";
        }

        var index = For(model).GetIndexByTokenCount(text, maxTokens, out _, out _);
        return text[..index];
    }
}
