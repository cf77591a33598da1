namespace Ava.Tests.Web;

/// <summary>
/// Waits for something the app does in the background by asking again and again, with a deadline
/// generous enough for a busy machine. Nothing is asserted about how long it took.
/// </summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, Func<T, bool> done, string waitingFor, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        T? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await probe();
            if (last is not null && done(last))
            {
                return last;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }

        throw new ShouldAssertException($"Still waiting for {waitingFor} after {(timeout ?? DefaultTimeout).TotalSeconds:0} s; last seen: {Describe(last)}");
    }

    private static string Describe(object? value) =>
        value is null ? "nothing" : System.Text.Json.JsonSerializer.Serialize(value, value.GetType());
}
