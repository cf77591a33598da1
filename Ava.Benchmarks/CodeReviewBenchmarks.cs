using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Ava.Domain.Codestones;
using Ava.Domain.Security;
using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Codestones;
using Ava.Infrastructure.Identity;
using Ava.Infrastructure.Prompts;
using Ava.Infrastructure.Workflows;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ava.Benchmarks;

/// <summary>
/// Code reviews per minute with the offline generator: one review at a time through the runner the
/// code-review job uses (the pipeline, the parse, the recommendation through the intake, the audit events),
/// and batches of 50 asked for through the service and run by the real Hangfire server's workers; next to
/// the bare offline generator on the same prompts.
/// </summary>
internal static class CodeReviewBenchmarks
{
    public static async Task RunAsync(int reviews)
    {
        Console.WriteLine("| measurement | result | goal | |");
        Console.WriteLine("|---|---|---|---|");
        // The per-user AI limit (30 a minute by default) would measure the limit, not the reviews.
        var settings = new Dictionary<string, string?> { ["Workflows:RunServer"] = "true", ["Ai:RateLimit:PermitLimit"] = "100000" };
        await using var host = await ServiceDatabase.CreateAsync(settings: settings);
        var (developer, developerId) = await CreateDeveloperAsync(host);
        host.User = developer;
        var one = await SeedAsync(host, reviews);
        var batched = await SeedAsync(host, reviews);

        var latencies = await OneAtATimeAsync(host, developer, developerId, one);
        var perMinute = reviews / (latencies.Sum() / 60_000);
        Measure.Report($"one review at a time, {reviews} codestones (run, parse, recommendation, audit)",
            $"{perMinute:N0} reviews/min (p50 {Ms(Measure.Percentile(latencies, 50))}, p95 {Ms(Measure.Percentile(latencies, 95))} each)", "—", true);

        var hosted = host.Services.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        try
        {
            var workers = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Ava.Infrastructure.Configuration.WorkflowOptions>>().Value.WorkerCount;
            var elapsed = await BatchesAsync(host, batched);
            Measure.Report($"batches of {CodeReviewService.MaxBatch} through the code-review workflow, {workers} workers, {reviews} codestones (ask → last review stored)",
                $"{reviews / elapsed.TotalMinutes:N0} reviews/min ({elapsed.TotalSeconds:0.0} s)", "—", true);
        }
        finally
        {
            foreach (var service in hosted)
            {
                await service.StopAsync(CancellationToken.None);
            }
        }

        var bare = await BareGeneratorAsync(host, one);
        Measure.Report("baseline: the offline generator alone on the same prompts", $"{reviews / (bare.Sum() / 60_000):N0} reviews/min (p50 {Ms(Measure.Percentile(bare, 50))})", "—", true);
    }

    /// <summary>Each review as its job runs it, acting as the developer, without the queue.</summary>
    private static async Task<double[]> OneAtATimeAsync(ServiceDatabase host, ClaimsPrincipal developer, string developerId, IReadOnlyList<long> codestones)
    {
        var samples = new List<double>();
        using var caller = WorkflowCaller.Begin(developer);
        foreach (var codestone in codestones)
        {
            var review = new CodeReview(codestone, developerId, developer.Identity!.Name!, null, DateTimeOffset.UtcNow);
            await using (var db = host.NewContext())
            {
                db.CodeReviews.Add(review);
                await db.SaveChangesAsync();
            }

            await using var scope = host.Scope();
            var runner = scope.ServiceProvider.GetRequiredService<CodeReviewRunner>();
            var watch = Stopwatch.StartNew();
            await runner.ReviewAsync(review.Id, codestone, null, 1, true, (_, _) => Task.CompletedTask, CancellationToken.None);
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        var sorted = samples.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private static async Task<TimeSpan> BatchesAsync(ServiceDatabase host, IReadOnlyList<long> codestones)
    {
        var watch = Stopwatch.StartNew();
        var ids = new List<long>();
        foreach (var chunk in codestones.Chunk(CodeReviewService.MaxBatch))
        {
            await using var scope = host.Scope();
            var batch = await scope.ServiceProvider.GetRequiredService<CodeReviewService>().RequestBatchAsync(chunk);
            ids.AddRange(batch.Queued.Select(q => q.ReviewId));
        }

        while (true)
        {
            await using var db = host.NewContext();
            var finished = await db.CodeReviews.CountAsync(r => ids.Contains(r.Id) && (r.Status == CodeReviewStatus.Completed || r.Status == CodeReviewStatus.Failed));
            if (finished == ids.Count)
            {
                return watch.Elapsed;
            }

            if (watch.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"{finished} of {ids.Count} reviews finished in 10 minutes.");
            }

            await Task.Delay(100);
        }
    }

    private static async Task<double[]> BareGeneratorAsync(ServiceDatabase host, IReadOnlyList<long> codestones)
    {
        var offline = new OfflineChatClient();
        var scorer = host.Services.GetRequiredService<InjectionScorer>();
        await using var db = host.NewContext();
        var template = await db.PromptTemplates.AsNoTracking().SingleAsync(t => t.Name == Ava.Domain.Prompts.PromptNames.CodeReview);
        var version = await db.PromptTemplateVersions.AsNoTracking().SingleAsync(v => v.Id == template.ActiveVersionId);
        var prompts = new List<ChatMessage[]>();
        foreach (var codestone in await db.Codestones.AsNoTracking().Where(c => codestones.Contains(c.Id)).ToListAsync())
        {
            var prepared = PromptPreparation.Prepare(version, PromptInputs.CodeReview(codestone), "offline-generator", scorer);
            prompts.Add([new ChatMessage(ChatRole.System, prepared.System), new ChatMessage(ChatRole.User, prepared.User)]);
        }

        var samples = new List<double>();
        foreach (var prompt in prompts)
        {
            var watch = Stopwatch.StartNew();
            await offline.GetResponseAsync(prompt);
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        var sorted = samples.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Codestones cycled from the demo set (every language, clean ones and ones with real problems), each with a title of its own.</summary>
    private static async Task<IReadOnlyList<long>> SeedAsync(ServiceDatabase host, int count)
    {
        await using var db = host.NewContext();
        var added = new List<Codestone>();
        for (var i = 0; i < count; i++)
        {
            var (values, author, _) = CodestoneDemoData.All[i % CodestoneDemoData.All.Count];
            var title = $"{values.Title} #{Guid.NewGuid().ToString("N")[..6]}";
            added.Add(new Codestone(values with { Title = title.Length <= 200 ? title : title[^200..], ReviewStatus = ReviewStatus.Draft, EclScore = null }, author, DateTimeOffset.UtcNow));
        }

        db.Codestones.AddRange(added);
        await db.SaveChangesAsync();
        return added.Select(c => c.Id).ToList();
    }

    private static async Task<(ClaimsPrincipal Principal, string Id)> CreateDeveloperAsync(ServiceDatabase host)
    {
        await using var scope = host.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        var developer = new AvaUser { UserName = "bench-developer@ava.local", Email = "bench-developer@ava.local", EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        await users.CreateAsync(developer, "a-benchmark-password-long-enough");
        await users.AddToRoleAsync(developer, Roles.Developer);
        return (await host.SignedInPrincipalAsync(developer.Email), developer.Id);
    }

    private static string Ms(double value) => value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";
}
