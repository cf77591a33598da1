using System.Globalization;
using System.Security.Claims;

namespace Ava.Dashboard.Security;

/// <summary>
/// The session limits applied to an open Blazor circuit, which outlives the HTTP request that
/// checked the cookie: the session ends 12 hours after sign-in whatever the activity, and after
/// 8 hours without any input from the browser. Scoped to the circuit: the circuit handler marks
/// every inbound activity, and the revalidating authentication state provider asks
/// <see cref="HasEnded"/> every minute.
/// </summary>
internal sealed class CircuitSession(TimeProvider clock)
{
    /// <summary>The claim carrying the sign-in time (UTC ticks), set on every sign-in and refresh from the cookie's first sign-in time.</summary>
    public const string SignedInAtClaim = "ava:signed_in_at";

    private DateTimeOffset _lastActivity = clock.GetUtcNow();

    public DateTimeOffset LastActivity => _lastActivity;

    public void MarkActivity() => _lastActivity = clock.GetUtcNow();

    /// <summary>Why the session is over, or null while it may go on.</summary>
    public string? HasEnded(ClaimsPrincipal user)
    {
        var now = clock.GetUtcNow();
        if (SignedInAt(user) is { } signedIn && now - signedIn > DependencyInjection.AbsoluteSession)
        {
            return "the session reached its 12-hour limit";
        }

        return now - _lastActivity > DependencyInjection.SlidingSession ? "the session was idle for 8 hours" : null;
    }

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal user) =>
        user.FindFirstValue(SignedInAtClaim) is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;
}
