using Ava.Domain.Common;

namespace Ava.Domain.Streams;

/// <summary>
/// A note or finding from an assistant, a repository or a person. Values are validated by the
/// stream validator before they reach these methods; the entity guards its lifecycle.
/// </summary>
public sealed class IntelligenceStream : IVersioned, IEntity
{
    public const int TitleMinLength = 5;
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 20_000;
    public const int MaxTags = 12;
    public const int TagMaxLength = 40;

    private readonly List<StreamTag> _tags = [];

    private IntelligenceStream()
    {
    }

    public IntelligenceStream(StreamValues values, string author, DateTimeOffset at)
    {
        Apply(values);
        CreatedAt = at;
        UpdatedAt = at;
        CreatedBy = author;
        UpdatedBy = author;
        if (Status == StreamStatus.Archived)
        {
            ArchivedAt = at;
        }
    }

    /// <summary>Brings back a deleted stream exactly as it was, under its old id (a rolled-back delete).</summary>
    public static IntelligenceStream Restore(
        long id, StreamValues values, DateTimeOffset createdAt, string createdBy, DateTimeOffset updatedAt, string updatedBy, DateTimeOffset? archivedAt)
    {
        var stream = new IntelligenceStream { Id = id, CreatedAt = createdAt, CreatedBy = createdBy, UpdatedAt = updatedAt, UpdatedBy = updatedBy, ArchivedAt = archivedAt };
        stream.Apply(values);
        return stream;
    }

    public long Id { get; private set; }

    public string Title { get; private set; } = "";

    public StreamSource Source { get; private set; }

    public StreamStatus Status { get; private set; }

    public StreamPriority Priority { get; private set; }

    public string Summary { get; private set; } = "";

    public double? EclScore { get; private set; }

    public IReadOnlyList<StreamTag> Tags => _tags;

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public DateTimeOffset? ArchivedAt { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void NewVersion() => Version = Guid.NewGuid();

    public StreamValues Values => new(Title, Source, Status, Priority, Summary, EclScore, _tags.Select(t => t.Tag).ToList());

    /// <summary>Replaces the editable values; returns the names of the fields that changed.</summary>
    public IReadOnlyList<string> Update(StreamValues values, string by, DateTimeOffset at)
    {
        var changed = Values.ChangedFields(values);
        if (changed.Count == 0)
        {
            return changed;
        }

        var wasArchived = Status == StreamStatus.Archived;
        Apply(values);
        if (!wasArchived && Status == StreamStatus.Archived)
        {
            ArchivedAt = at;
        }
        else if (wasArchived && Status != StreamStatus.Archived)
        {
            ArchivedAt = null;
        }

        UpdatedAt = at;
        UpdatedBy = by;
        return changed;
    }

    public void Archive(string by, DateTimeOffset at)
    {
        if (Status == StreamStatus.Archived)
        {
            throw new DomainException($"'{Title}' is already archived.");
        }

        Status = StreamStatus.Archived;
        ArchivedAt = at;
        UpdatedAt = at;
        UpdatedBy = by;
    }

    /// <summary>Brings an archived stream back as Refined: it had been worked on before it was archived.</summary>
    public void Unarchive(string by, DateTimeOffset at)
    {
        if (Status != StreamStatus.Archived)
        {
            throw new DomainException($"'{Title}' is not archived.");
        }

        Status = StreamStatus.Refined;
        ArchivedAt = null;
        UpdatedAt = at;
        UpdatedBy = by;
    }

    private void Apply(StreamValues values)
    {
        Title = values.Title.Trim();
        Source = values.Source;
        Status = values.Status;
        Priority = values.Priority;
        Summary = values.Summary;
        EclScore = values.EclScore;
        var tags = StreamValues.NormalizeTags(values.Tags);
        _tags.RemoveAll(t => !tags.Contains(t.Tag));
        foreach (var tag in tags.Where(tag => _tags.All(t => t.Tag != tag)))
        {
            _tags.Add(new StreamTag(tag));
        }
    }
}

/// <summary>One tag of a stream (its own row, so tag filters use an index).</summary>
public sealed class StreamTag
{
    private StreamTag()
    {
    }

    public StreamTag(string tag) => Tag = tag;

    public long StreamId { get; private set; }

    public string Tag { get; private set; } = "";
}

/// <summary>The editable values of a stream: what a form, the API or a recommendation sets.</summary>
public sealed record StreamValues(
    string Title,
    StreamSource Source,
    StreamStatus Status,
    StreamPriority Priority,
    string Summary,
    double? EclScore,
    IReadOnlyList<string> Tags)
{
    public static StreamValues Empty => new("", StreamSource.Manual, StreamStatus.Raw, StreamPriority.Normal, "", null, []);

    /// <summary>Tags trimmed, lower-cased, without duplicates or blanks, in the order given.</summary>
    public static List<string> NormalizeTags(IEnumerable<string> tags) =>
        tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList();

    public IReadOnlyList<string> ChangedFields(StreamValues other)
    {
        var changed = new List<string>();
        if (Title != other.Title.Trim()) changed.Add(nameof(Title));
        if (Source != other.Source) changed.Add(nameof(Source));
        if (Status != other.Status) changed.Add(nameof(Status));
        if (Priority != other.Priority) changed.Add(nameof(Priority));
        if (Summary != other.Summary) changed.Add(nameof(Summary));
        if (EclScore != other.EclScore) changed.Add(nameof(EclScore));
        if (!NormalizeTags(Tags).OrderBy(t => t).SequenceEqual(NormalizeTags(other.Tags).OrderBy(t => t))) changed.Add(nameof(Tags));
        return changed;
    }
}
