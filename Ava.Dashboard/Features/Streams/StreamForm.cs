using Ava.Domain.Streams;

namespace Ava.Dashboard.Features.Streams;

/// <summary>The edit form's bindable copy of <see cref="StreamValues"/> (tags as comma-separated text).</summary>
public sealed class StreamForm
{
    public string Title { get; set; } = "";

    public StreamSource Source { get; set; } = StreamSource.Manual;

    public StreamStatus Status { get; set; } = StreamStatus.Raw;

    public StreamPriority Priority { get; set; } = StreamPriority.Normal;

    public string Summary { get; set; } = "";

    public double? EclScore { get; set; }

    public string Tags { get; set; } = "";

    public static StreamForm From(StreamValues values) => new()
    {
        Title = values.Title,
        Source = values.Source,
        Status = values.Status,
        Priority = values.Priority,
        Summary = values.Summary,
        EclScore = values.EclScore,
        Tags = string.Join(", ", values.Tags),
    };

    public StreamValues ToValues() => new(
        Title,
        Source,
        Status,
        Priority,
        Summary ?? "",
        EclScore,
        (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
