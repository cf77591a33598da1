using System.Security.Claims;
using Ava.Domain.Codestones;
using Ava.Domain.Recommendations;
using Ava.Domain.Security;
using Ava.Infrastructure.Codestones;
using Ava.Infrastructure.Security;
using Ava.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace Ava.Tests.Infrastructure.Codestones;

/// <summary>Asking for reviews and running them with the offline generator, over a real database; the jobs themselves run on the real Hangfire server in the web tests.</summary>
public sealed class CodeReviewServiceTests : IAsyncLifetime
{
    private ServiceDatabase _db = default!;
    private ClaimsPrincipal _developer = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await ServiceDatabase.CreateAsync();
        var account = await TestUsers.CreateAsync(_db.Services, Roles.Developer);
        _developer = await _db.SignedInPrincipalAsync(account.Email!);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Request_QueuesAReviewWhoseJobActsAsTheRequester()
    {
        var codestone = await ReviewData.AddCodestoneAsync(_db, "Adds two numbers", ReviewData.CleanCode);

        var request = await RequestAsync(codestone.Id);

        await using var db = _db.NewContext();
        var review = await db.CodeReviews.SingleAsync(r => r.Id == request.ReviewId);
        review.Status.ShouldBe(CodeReviewStatus.Queued);
        review.RequestedBy.ShouldBe(_developer.Identity!.Name);
        review.JobId.ShouldBe(request.JobId);
        var run = await db.WorkflowRuns.SingleAsync(r => r.JobId == request.JobId);
        run.WorkflowName.ShouldBe("code-review");
        run.RequestedById.ShouldBe(_developer.FindFirstValue(ClaimTypes.NameIdentifier));
        (await db.AuditEvents.CountAsync(e => e.Action == CodeReviewAuditActions.Requested && e.Resource == $"codestone/{codestone.Id}")).ShouldBe(1);
    }

    [Fact]
    public async Task Request_IsRefusedWithAClearMessage_WhileAReviewOfTheCodestoneWaits()
    {
        var codestone = await ReviewData.AddCodestoneAsync(_db, "Adds two numbers", ReviewData.CleanCode);
        var first = await RequestAsync(codestone.Id);

        var refused = await Should.ThrowAsync<ReviewAlreadyWaitingException>(() => RequestAsync(codestone.Id));

        refused.Message.ShouldBe($"Codestone {codestone.Id} already has an AI review waiting (review #{first.ReviewId}); a second one can be asked for once it has finished.");
        await using var db = _db.NewContext();
        (await db.CodeReviews.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Request_IsAllowedAgain_OnceTheWaitingReviewHasFinished()
    {
        var codestone = await ReviewData.AddCodestoneAsync(_db, "Adds two numbers", ReviewData.CleanCode);
        var first = await RequestAsync(codestone.Id);
        await ReviewData.RunAsync(_db, _developer, first);

        var second = await RequestAsync(codestone.Id);

        second.ReviewId.ShouldNotBe(first.ReviewId);
    }

    [Fact]
    public async Task Request_IsRefusedAndRecorded_ForAViewer()
    {
        var codestone = await ReviewData.AddCodestoneAsync(_db, "Adds two numbers", ReviewData.CleanCode);

        await Should.ThrowAsync<PermissionDeniedException>(() => _db.AsAsync<CodeReviewService, ReviewRequest>(ServiceDatabase.Principal("viewer@ava.local", Roles.Viewer), s => s.RequestAsync(codestone.Id)));

        await using var db = _db.NewContext();
        (await db.CodeReviews.CountAsync()).ShouldBe(0);
        (await db.AuditEvents.CountAsync(e => e.Action == SecurityAuditActions.Violation && e.Resource.Contains("CodeReviewService"))).ShouldBe(1);
    }

    [Fact]
    public async Task Run_StoresTheReviewAndSubmitsItsRecommendationWithTheEclAsConfidence()
    {
        var codestone = await ReviewData.AddCodestoneAsync(_db, "Adds two numbers", ReviewData.CleanCode);
        var request = await RequestAsync(codestone.Id);

        var outcome = await ReviewData.RunAsync(_db, _developer, request);

        outcome.ShouldBe(ReviewAttemptOutcome.Done);
        await using var db = _db.NewContext();
        var review = await db.CodeReviews.SingleAsync(r => r.Id == request.ReviewId);
        review.Status.ShouldBe(CodeReviewStatus.Completed);
        review.FunctionalityScore.ShouldNotBeNull();
        review.SecurityScore.ShouldBe(9);
        review.EclScore!.Value.ShouldBeGreaterThan(0.7);
        review.SecurityIssues.ShouldBeEmpty();
        review.RecommendedStatus.ShouldBe(ReviewStatus.Approved);
        review.TemplateVersion.ShouldBe("2.0.0");
        review.IsOffline.ShouldBeTrue();
        var recommendation = await db.Recommendations.SingleAsync(r => r.Id == review.RecommendationId);
        recommendation.Source.ShouldBe("code_review");
        recommendation.Status.ShouldBe(RecommendationStatus.Pending);
        recommendation.Confidence.ShouldBe(review.EclScore!.Value);
        recommendation.SubmittedBy.ShouldBe(_developer.Identity!.Name);
        var change = recommendation.Changes.ShouldHaveSingleItem();
        change.TargetType.ShouldBe(ChangeTargetType.Codestone);
        change.TargetId.ShouldBe(codestone.Id);
        change.Fields.Select(f => (f.Field, f.Value)).ShouldBe([("review_status", "Approved"), ("ecl_score", review.EclScore.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))]);
        recommendation.Rationale.ShouldStartWith($"AI code review #{review.Id} (Offline generator, code_review 2.0.0): ");
        (await db.Codestones.SingleAsync(c => c.Id == codestone.Id)).ReviewStatus.ShouldBe(ReviewStatus.Draft);
    }

    [Fact]
    public async Task Run_FindsTheKeyAndTheEval_AndItsLowConfidenceEscalatesTheRecommendation()
    {
        var codestone = await ReviewData.AddCodestoneAsync(_db, "Runs commands for the payments client", ReviewData.LeakyCode);
        var request = await RequestAsync(codestone.Id);

        await ReviewData.RunAsync(_db, _developer, request);

        await using var db = _db.NewContext();
        var review = await db.CodeReviews.SingleAsync(r => r.Id == request.ReviewId);
        review.SecurityScore!.Value.ShouldBeLessThan(5);
        review.SecurityIssues.ShouldContain(i => i.Contains("eval()", StringComparison.Ordinal));
        review.SecurityIssues.ShouldContain(i => i.Contains("credential", StringComparison.Ordinal));
        review.RecommendedStatus.ShouldBe(ReviewStatus.Draft);
        review.EclScore!.Value.ShouldBeLessThan(0.4);
        var recommendation = await db.Recommendations.SingleAsync(r => r.Id == review.RecommendationId);
        recommendation.Band.ShouldBe(ConfidenceBand.Escalated);
        recommendation.Status.ShouldBe(RecommendationStatus.Escalated);
        recommendation.Rationale.ShouldContain("Security: eval() runs arbitrary code");
    }

    [Fact]
    public async Task Run_WritesNothingTwice_WhenTheJobRunsAgainAfterFinishing()
    {
        var codestone = await ReviewData.AddCodestoneAsync(_db, "Adds two numbers", ReviewData.CleanCode);
        var request = await RequestAsync(codestone.Id);
        await ReviewData.RunAsync(_db, _developer, request);

        var again = await ReviewData.RunAsync(_db, _developer, request);

        again.ShouldBe(ReviewAttemptOutcome.Done);
        await using var db = _db.NewContext();
        (await db.Recommendations.CountAsync()).ShouldBe(1);
        (await db.PromptRuns.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Run_EndsQuietly_WhenTheCodestoneWasDeletedMeanwhile()
    {
        var codestone = await ReviewData.AddCodestoneAsync(_db, "Adds two numbers", ReviewData.CleanCode);
        var request = await RequestAsync(codestone.Id);
        await _db.ExecuteRawAsync($"DELETE FROM Codestones WHERE Id = {codestone.Id}");

        var outcome = await ReviewData.RunAsync(_db, _developer, request);

        outcome.ShouldBe(ReviewAttemptOutcome.Gone);
        await using var db = _db.NewContext();
        (await db.CodeReviews.CountAsync()).ShouldBe(0);
        (await db.PromptRuns.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task RequestUnreviewed_QueuesOneBatch_OfEveryCodestoneWithoutAReviewOrOneWaiting()
    {
        var reviewed = await ReviewData.AddCodestoneAsync(_db, "Reviewed already", ReviewData.CleanCode);
        var waiting = await ReviewData.AddCodestoneAsync(_db, "Review waiting", ReviewData.CleanCode);
        var fresh = new[] { await ReviewData.AddCodestoneAsync(_db, "Never reviewed one", ReviewData.CleanCode), await ReviewData.AddCodestoneAsync(_db, "Never reviewed two", ReviewData.LeakyCode) };
        await ReviewData.RunAsync(_db, _developer, await RequestAsync(reviewed.Id));
        await RequestAsync(waiting.Id);

        var batch = await _db.AsAsync<CodeReviewService, BatchRequest>(_developer, s => s.RequestUnreviewedAsync());

        batch.Queued.Select(q => q.CodestoneId).ShouldBe(fresh.Select(c => c.Id));
        batch.Skipped.ShouldBeEmpty();
        batch.Remaining.ShouldBe(0);
        var progress = (await _db.AsAsync<CodeReviewQueries, BatchProgress?>(_developer, q => q.BatchAsync(batch.BatchId))).ShouldNotBeNull();
        progress.Total.ShouldBe(2);
        progress.Finished.ShouldBe(0);
        progress.Items.Select(i => i.CodestoneTitle).ShouldBe(["Never reviewed one", "Never reviewed two"]);
    }

    [Fact]
    public async Task RequestBatch_SkipsTheCodestonesWithAReviewWaiting_AndNamesWhy()
    {
        var waiting = await ReviewData.AddCodestoneAsync(_db, "Review waiting", ReviewData.CleanCode);
        var other = await ReviewData.AddCodestoneAsync(_db, "Another codestone", ReviewData.CleanCode);
        var first = await RequestAsync(waiting.Id);

        var batch = await _db.AsAsync<CodeReviewService, BatchRequest>(_developer, s => s.RequestBatchAsync([waiting.Id, other.Id, 987_654]));

        batch.Queued.ShouldHaveSingleItem().CodestoneId.ShouldBe(other.Id);
        batch.Skipped.ShouldBe([new SkippedCodestone(waiting.Id, $"review #{first.ReviewId} is waiting"), new SkippedCodestone(987_654, "no such codestone")]);
    }

    [Fact]
    public async Task ForRecommendation_ReturnsTheReviewBehindIt()
    {
        var codestone = await ReviewData.AddCodestoneAsync(_db, "Adds two numbers", ReviewData.CleanCode);
        var request = await RequestAsync(codestone.Id);
        await ReviewData.RunAsync(_db, _developer, request);
        await using var db = _db.NewContext();
        var recommendationId = (await db.CodeReviews.SingleAsync()).RecommendationId!.Value;

        var review = await _db.AsAsync<CodeReviewQueries, CodeReviewDetail?>(_developer, q => q.ForRecommendationAsync(recommendationId));

        review.ShouldNotBeNull().Id.ShouldBe(request.ReviewId);
        review.CodestoneTitle.ShouldBe("Adds two numbers");
    }

    private Task<ReviewRequest> RequestAsync(long codestoneId) =>
        _db.AsAsync<CodeReviewService, ReviewRequest>(_developer, s => s.RequestAsync(codestoneId));
}
