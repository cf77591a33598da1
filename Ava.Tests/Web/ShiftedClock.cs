namespace Ava.Tests.Web;

/// <summary>The system clock moved forward by <see cref="Offset"/>, to let a test step over an interval instead of waiting it out.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
