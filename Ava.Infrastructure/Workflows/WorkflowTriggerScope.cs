namespace Ava.Infrastructure.Workflows;

/// <summary>
/// Carries who started a job from the code that enqueues it to the Hangfire client filter
/// that records the run (Hangfire creates the job on the caller's async flow).
/// </summary>
public static class WorkflowTriggerScope
{
    private static readonly AsyncLocal<(string Trigger, long? RequeuedFrom)?> Current = new();

    internal static string? Trigger => Current.Value?.Trigger;

    internal static long? RequeuedFrom => Current.Value?.RequeuedFrom;

    public static IDisposable Begin(string trigger) => Begin(trigger, null);

    internal static IDisposable Begin(string trigger, long? requeuedFrom)
    {
        var previous = Current.Value;
        Current.Value = (trigger, requeuedFrom);
        return new Restore(previous);
    }

    private sealed class Restore((string, long?)? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
