using System.Diagnostics;
using Ava.Dashboard.Api;
using Ava.Domain.ApiTokens;
using Ava.Domain.Security;
using Ava.Infrastructure.ApiTokens;
using Ava.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Benchmarks;

/// <summary>
/// What authenticating one API request costs: <see cref="ApiTokenService.VerifyAsync"/> (hash, one
/// indexed lookup joined to the owner) and the principal the bearer handler builds from the owner
/// (<see cref="ApiTokenPrincipals"/>), each in a fresh DI scope as a request has, next to a bare
/// SHA-256 and a bare primary-key lookup.
/// </summary>
internal static class ApiBenchmarks
{
    public static async Task RunAsync(int verifications)
    {
        Console.WriteLine("| measurement | result | goal | |");
        Console.WriteLine("|---|---|---|---|");
        await using var host = await BenchmarkDatabase.CreateAsync();
        var secret = await CreateTokenAsync(host);
        var warmup = Math.Max(100, verifications / 20);

        var hash = await Run(verifications, warmup, () =>
        {
            _ = ApiTokenSecret.HashOf(secret);
            return Task.CompletedTask;
        });
        var lookup = await Run(verifications, warmup, async () =>
        {
            await using var db = host.NewContext();
            _ = await db.ApiTokens.AsNoTracking().Where(t => t.Id == 1).Select(t => t.OwnerId).SingleAsync();
        });
        var verify = await Run(verifications, warmup, async () =>
        {
            await using var scope = host.Scope();
            var result = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().VerifyAsync(secret);
            if (!result.IsValid)
            {
                throw new InvalidOperationException($"The benchmark token was refused: {result.Refusal}");
            }
        });
        var signIn = await Run(verifications, warmup, async () =>
        {
            await using var scope = host.Scope();
            var result = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().VerifyAsync(secret);
            _ = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AvaUser>>().CreateAsync(result.User!);
        });
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var handler = await Run(verifications, warmup, async () =>
        {
            await using var scope = host.Scope();
            var result = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().VerifyAsync(secret);
            var principals = new ApiTokenPrincipals(scope.ServiceProvider, cache);
            _ = await principals.CreateAsync(result, "ApiToken");
        });

        Measure.Report($"token verification, {verifications:N0} requests, one scope each (hash, lookup joined to the owner)", verify.Describe(), "—", true);
        Measure.Report("verification + the owner's principal built afresh (roles, claims: four more queries)", signIn.Describe(), "—", true);
        Measure.Report("verification + the principal as the bearer handler gets it (owner's claims cached under the security stamp)", handler.Describe(), "CPU ≤ 500 µs/request", handler.CpuMicroseconds <= 500);
        Measure.Report("baseline: SHA-256 of the token alone", hash.Describe(), "—", true);
        Measure.Report("baseline: one primary-key lookup of the token row in its own context", lookup.Describe(), "—", true);
    }

    /// <summary>A user with the benchmark caller's id (tokens belong to a real user) and a token of theirs.</summary>
    private static async Task<string> CreateTokenAsync(ServiceDatabase host)
    {
        await using var scope = host.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        var user = new AvaUser { Id = BenchmarkDatabase.AdminId, UserName = "bench-admin@ava.local", Email = "bench-admin@ava.local", EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        Ensure(await users.CreateAsync(user, "a benchmark password, long enough"));
        Ensure(await users.AddToRoleAsync(user, Roles.Admin));
        var created = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(new NewApiToken("benchmark", null));
        return created.Secret;
    }

    private static async Task<Cost> Run(int count, int warmup, Func<Task> action)
    {
        for (var i = 0; i < warmup; i++)
        {
            await action();
        }

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await action();
        }

        watch.Stop();
        process.Refresh();
        return new Cost(watch.Elapsed.TotalMicroseconds / count, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / count);
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private sealed record Cost(double WallMicroseconds, double CpuMicroseconds)
    {
        public string Describe() => $"{WallMicroseconds:N1} µs/request wall, {CpuMicroseconds:N1} µs CPU";
    }
}
