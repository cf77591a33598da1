using Ava.Domain.Security;
using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Prompts;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Ai;

public sealed class AiRateLimitTests
{
    [Fact]
    public async Task Run_IsRefusedWithTheWait_WhenTheUserHasUsedTheirAiActions()
    {
        await using var database = await ServiceDatabase.CreateAsync(settings: new Dictionary<string, string?> { ["Ai:RateLimit:PermitLimit"] = "2", ["Ai:RateLimit:WindowSeconds"] = "60" });
        database.User = ServiceDatabase.Principal("developer@ava.local", Roles.Developer);
        var request = PromptInputs.CodeReview(OfflineGeneratorTests.Codestone(1, "print(1)"));
        await using var scope = database.Services.CreateAsyncScope();
        var runner = database.Get<PromptRunner>(scope);
        await runner.RunAsync(request, TestContext.Current.CancellationToken);
        await runner.RunAsync(request, TestContext.Current.CancellationToken);

        var refused = await Should.ThrowAsync<AiRateLimitExceededException>(() => runner.RunAsync(request, TestContext.Current.CancellationToken));

        refused.Message.ShouldStartWith("You have used your 2 AI actions for this 60-second window.");
        refused.RetryAfter.ShouldBeGreaterThan(TimeSpan.Zero);
        database.User = ServiceDatabase.Principal("admin@ava.local", Roles.Admin);
        (await runner.RunAsync(request, TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Run_IsRefusedAndAudited_WhenAViewerTries()
    {
        await using var database = await ServiceDatabase.CreateAsync();
        await using var scope = database.Services.CreateAsyncScope();

        await Should.ThrowAsync<Ava.Infrastructure.Security.PermissionDeniedException>(() =>
            database.Get<PromptRunner>(scope).RunAsync(PromptInputs.CodeReview(OfflineGeneratorTests.Codestone(1, "x")), TestContext.Current.CancellationToken));
    }
}
