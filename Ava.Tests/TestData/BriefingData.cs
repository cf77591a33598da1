using Ava.Domain.Streams;
using Ava.Infrastructure.Briefings;
using Ava.Infrastructure.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.TestData;

/// <summary>Streams for briefing tests, and the generator run as the morning-briefing workflow's system actor.</summary>
public static class BriefingData
{
    public static StreamValues Stream(string title, StreamPriority priority = StreamPriority.Normal, double? ecl = null, string summary = "Nothing unusual.", StreamStatus status = StreamStatus.Raw, params string[] tags) =>
        new(title, StreamSource.GitHub, status, priority, summary, ecl, tags.Length == 0 ? ["ops"] : tags);

    public static async Task<List<IntelligenceStream>> AddStreamsAsync(ServiceDatabase database, params (StreamValues Values, DateTimeOffset At)[] streams)
    {
        await using var db = database.NewContext();
        var added = streams.Select(s => new IntelligenceStream(s.Values, "seed", s.At)).ToList();
        db.Streams.AddRange(added);
        await db.SaveChangesAsync();
        return added;
    }

    /// <summary>Runs the generator as the scheduled workflow would: as <c>system:morning-briefing</c>.</summary>
    public static async Task<BriefingGeneration> GenerateAsync(ServiceDatabase database, DateOnly date, int? replacesRevision = null, List<string>? stages = null)
    {
        using var caller = WorkflowCaller.Begin(WorkflowCaller.SystemPrincipal(MorningBriefingJob.Name));
        await using var scope = database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BriefingGenerator>().GenerateAsync(date, replacesRevision, (done, stage) =>
        {
            stages?.Add($"{done}/{BriefingGenerator.Stages} {stage}");
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken);
    }

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
}
