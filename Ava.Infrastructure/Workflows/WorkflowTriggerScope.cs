namespace Ava.Infrastructure.Workflows;

/// <summary>
/// Carries who started a job, and whom it acts for, from the code that enqueues it to the Hangfire
/// client filter that records the run (Hangfire creates the job on the caller's async flow).
/// </summary>
public static class WorkflowTriggerScope
{
    private static readonly AsyncLocal<Request?> Current = new();

    internal static string? Trigger => Current.Value?.Trigger;

    /// <summary>The user id of the person the job acts for; null for the system actor.</summary>
    internal static string? RequestedById => Current.Value?.RequestedById;

    internal static long? RequeuedFrom => Current.Value?.RequeuedFrom;

    /// <param name="trigger">What the run history shows as its trigger ("schedule", "user:{name}").</param>
    /// <param name="requestedById">The user the job acts for, or null to act as the workflow's system actor.</param>
    public static IDisposable Begin(string trigger, string? requestedById) => Begin(trigger, requestedById, null);

    internal static IDisposable Begin(string trigger, string? requestedById, long? requeuedFrom)
    {
        var previous = Current.Value;
        Current.Value = new Request(trigger, requestedById, requeuedFrom);
        return new Restore(previous);
    }

    private sealed record Request(string Trigger, string? RequestedById, long? RequeuedFrom);

    private sealed class Restore(Request? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
