using System.Security.Claims;
using Ava.Domain.Security;

namespace Ava.Benchmarks;

/// <summary>The shared test host over a fresh SQLite file, acting as an administrator.</summary>
internal static class BenchmarkDatabase
{
    /// <summary>The user id the benchmarks act as.</summary>
    public const string AdminId = "bench-admin";

    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, AdminId), new Claim(ClaimTypes.Name, "admin@ava.local"), new Claim(ClaimTypes.Role, Roles.Admin)],
        "Benchmark"));

    /// <param name="keepFiles">Leave the database behind on dispose (for a dashboard started on it afterwards).</param>
    public static async Task<ServiceDatabase> CreateAsync(bool keepFiles = false)
    {
        var database = await ServiceDatabase.CreateAsync(keepFiles);
        database.User = Admin;
        return database;
    }
}
