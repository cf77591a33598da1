namespace Ava.Domain.Health;

/// <summary>
/// The requests one instance answered in one minute and how many of them were server errors (5xx), as the
/// host counted them: the source of the request metrics and the error-rate alert, so a restart loses at most
/// the minute in progress.
/// </summary>
public sealed class RequestTally
{
    public const int InstanceMaxLength = 100;

    private RequestTally()
    {
    }

    public RequestTally(string instance, DateTimeOffset minuteStart, int requests, int serverErrors)
    {
        if (requests < 0 || serverErrors < 0 || serverErrors > requests)
        {
            throw new ArgumentOutOfRangeException(nameof(serverErrors), $"{serverErrors} server errors out of {requests} requests is not a tally.");
        }

        Instance = instance.Length <= InstanceMaxLength ? instance : instance[..InstanceMaxLength];
        MinuteStart = minuteStart;
        Requests = requests;
        ServerErrors = serverErrors;
    }

    public long Id { get; private set; }

    public string Instance { get; private set; } = "";

    public DateTimeOffset MinuteStart { get; private set; }

    public int Requests { get; private set; }

    public int ServerErrors { get; private set; }
}
