using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Ava.Infrastructure.Ai;

/// <summary>
/// The model when none is configured: a deterministic generator (the same prompt always gives the
/// same answer) that reads the untrusted items of the prompt as data. Asked for JSON it reviews the
/// code with static heuristics (<see cref="OfflineCodeReviewer"/>); asked for text it writes one
/// section per heading the template's output format names (<see cref="OfflineBriefingWriter"/>).
/// Every answer says it came from the offline generator. It reports no token usage, so the
/// pipeline counts tokens itself and marks the counts as estimated.
/// </summary>
public sealed partial class OfflineChatClient : IChatClient
{
    public const string Notice = "Written by the offline generator (no AI model is configured): static heuristics, not a model's judgement.";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var list = messages.ToList();
        var prompt = list.FirstOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var reminder = list.Count > 2 ? list[^1].Text : "";
        var items = OfflinePrompt.Items(prompt);
        var answer = options?.ResponseFormat is ChatResponseFormatJson
            ? OfflineCodeReviewer.Review(items, OfflinePrompt.Field(prompt, "Language"))
            : OfflineBriefingWriter.Write(OfflinePrompt.Headings(prompt), items, OfflinePrompt.Date(prompt), MaxLength(reminder));
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, answer))
        {
            ModelId = AiClientFactory.OfflineModel,
            FinishReason = ChatFinishReason.Stop,
        };
        return Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    /// <summary>A validation reminder that names a maximum length makes the writer shorten its lists.</summary>
    private static int? MaxLength(string reminder)
    {
        var match = AtMost().Match(reminder);
        return match.Success && int.TryParse(match.Groups[1].Value, out var max) ? max : null;
    }

    [GeneratedRegex(@"at most (\d+) are allowed")]
    private static partial Regex AtMost();
}

/// <summary>One untrusted item as the offline generator reads it back out of the prompt.</summary>
internal sealed record OfflineItem(string Source, string Text)
{
    /// <summary>A "Key: value" line of the item (the stream and codestone formats of <see cref="PromptInputs"/>).</summary>
    public string? Field(string name) => OfflinePrompt.Field(Text, name);
}

internal static partial class OfflinePrompt
{
    /// <summary>The untrusted blocks of a prompt, found by their own token (so a forged end marker inside one stays inside it).</summary>
    public static IReadOnlyList<OfflineItem> Items(string prompt)
    {
        var items = new List<OfflineItem>();
        var position = 0;
        while ((position = prompt.IndexOf(UntrustedContent.StartMarker + " token=", position, StringComparison.Ordinal)) >= 0)
        {
            var headerEnd = prompt.IndexOf(">>>\n", position, StringComparison.Ordinal);
            if (headerEnd < 0)
            {
                break;
            }

            var header = prompt[position..headerEnd];
            var token = Attribute(header, "token");
            var source = Attribute(header, "source");
            var end = prompt.IndexOf($"\n{UntrustedContent.EndMarker} token={token}>>>", headerEnd, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            items.Add(new OfflineItem(source, prompt[(headerEnd + 4)..end]));
            position = end + 1;
        }

        return items;
    }

    /// <summary>The "## Heading" lines of the trusted part of the prompt: the sections the answer must have.</summary>
    public static IReadOnlyList<string> Headings(string prompt)
    {
        var trusted = Regex.Replace(prompt, @"<<<UNTRUSTED_CONTENT[\s\S]*?<<<END_UNTRUSTED_CONTENT[^\n]*", "", RegexOptions.None, TimeSpan.FromSeconds(1));
        return SectionHeading().Matches(trusted).Select(m => m.Groups[1].Value.Trim()).Distinct().ToList();
    }

    public static string? Date(string prompt) => BriefingDate().Match(prompt) is { Success: true } m ? m.Groups[1].Value.TrimEnd('.') : null;

    public static string? Field(string text, string name)
    {
        var match = Regex.Match(text, $@"^{Regex.Escape(name)}:[ \t]*(.*)$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    private static string Attribute(string header, string name)
    {
        var start = header.IndexOf(name + "=", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        start += name.Length + 1;
        var end = header.IndexOf(' ', start);
        return end < 0 ? header[start..] : header[start..end];
    }

    [GeneratedRegex(@"^##[ \t]+(?!#)(.+)$", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"briefing for (\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex BriefingDate();
}
