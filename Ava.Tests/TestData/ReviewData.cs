using System.Security.Claims;
using Ava.Domain.Codestones;
using Ava.Infrastructure.Codestones;
using Ava.Infrastructure.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.TestData;

/// <summary>Codestones for code-review tests, and one review run the way its job runs it, as the requester.</summary>
public static class ReviewData
{
    public const string CleanCode = "def add(a, b):\n    \"\"\"Add two numbers.\"\"\"\n    return a + b\n";

    public const string LeakyCode = """
        import os
        import sqlite3

        API_KEY = "sk-live-0123456789abcdefghijklmnopqrstuvwxyzAB"

        def run(cmd):
            os.system("echo " + cmd)
            return eval(cmd)

        def find(name):
            query = "SELECT id FROM users WHERE name = '" + name + "'"
            return sqlite3.connect("app.db").execute(query).fetchall()
        """;

    public static async Task<Codestone> AddCodestoneAsync(ServiceDatabase database, string title, string code, ReviewStatus status = ReviewStatus.Draft)
    {
        await using var db = database.NewContext();
        var codestone = new Codestone(new CodestoneValues(title, CodeLanguage.Python, code, null, status, null), "seed", DateTimeOffset.UtcNow);
        db.Codestones.Add(codestone);
        await db.SaveChangesAsync();
        return codestone;
    }

    /// <summary>Runs the review's attempt as the code-review job does, acting as <paramref name="requester"/>.</summary>
    public static async Task<ReviewAttemptOutcome> RunAsync(ServiceDatabase database, ClaimsPrincipal requester, ReviewRequest request, int attempt = 1, bool lastAttempt = true)
    {
        using var caller = WorkflowCaller.Begin(requester);
        await using var scope = database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CodeReviewRunner>().ReviewAsync(
            request.ReviewId, request.CodestoneId, request.JobId, attempt, lastAttempt, (_, _) => Task.CompletedTask, TestContext.Current.CancellationToken);
    }
}
