namespace Ava.Infrastructure.Audit;

/// <summary>
/// The correlation id of the work in progress: one per HTTP request, Blazor circuit activity
/// or background job. Set by the host at the start of each and read by the audit trail.
/// </summary>
public static class CorrelationContext
{
    private static readonly AsyncLocal<string?> Current = new();

    public static string? Id => Current.Value;

    public static IDisposable Begin(string correlationId)
    {
        var previous = Current.Value;
        Current.Value = correlationId;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
