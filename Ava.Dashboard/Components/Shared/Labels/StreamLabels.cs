using Ava.Domain.Streams;

namespace Ava.Dashboard.Components.Shared.Labels;

/// <summary>How stream statuses and priorities read on screen, with the emoji the product uses for them.</summary>
public static class StreamLabels
{
    public static string Of(StreamStatus status) => status switch
    {
        StreamStatus.Raw => "🌱 Raw",
        StreamStatus.Refined => "💎 Refined",
        StreamStatus.Archived => "📦 Archived",
        _ => status.ToString(),
    };

    public static string Of(StreamPriority priority) => priority switch
    {
        StreamPriority.Now => "🔥 Now",
        _ => priority.ToString(),
    };
}
