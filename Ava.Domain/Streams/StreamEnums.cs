namespace Ava.Domain.Streams;

public enum StreamSource
{
    Claude = 0,
    ChatGPT = 1,
    GitHub = 2,
    Manual = 3,
    Automated = 4,
}

public enum StreamStatus
{
    Raw = 0,
    Refined = 1,
    Archived = 2,
}

/// <summary>Declared most urgent first; the numeric order sorts by urgency.</summary>
public enum StreamPriority
{
    Now = 0,
    High = 1,
    Normal = 2,
    Low = 3,
}
