using Ava.Domain.Recommendations;
using Ava.Domain.Security;
using Ava.Domain.Streams;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.TestData;

/// <summary>Streams and recommendations made through the real services, for the approval-loop tests.</summary>
public sealed class ApprovalScenario(ServiceDatabase db)
{
    public static readonly StreamValues Sample = new("Connection pool exhaustion", StreamSource.GitHub, StreamStatus.Raw, StreamPriority.Normal,
        "## What\n- pool of 10\n- 40 workers\n", 0.6, ["database", "incident"]);

    public void As(string email, string role) => db.User = ServiceDatabase.Principal(email, role);

    public void AsAdmin() => As("admin@ava.local", Roles.Admin);

    public void AsDeveloper() => As("developer@ava.local", Roles.Developer);

    public async Task<StreamDetail> CreateStreamAsync(StreamValues? values = null)
    {
        var user = db.User;
        AsDeveloper();
        try
        {
            return await Use<StreamService, StreamDetail>(s => s.CreateAsync(values ?? Sample));
        }
        finally
        {
            db.User = user;
        }
    }

    public async Task<SubmissionResult> SubmitAsync(double confidence, params SubmittedChange[] changes)
    {
        var user = db.User;
        AsDeveloper();
        try
        {
            return await Use<RecommendationIntake, SubmissionResult>(s => s.SubmitAsync(
                new RecommendationSubmission(changes, "The incident notes show the stream is resolved.", confidence, "triage")));
        }
        finally
        {
            db.User = user;
        }
    }

    public static SubmittedChange UpdateStream(long id, params (string Field, string? Value)[] fields) =>
        new("stream", id, fields.Select(f => new FieldChange(f.Field, f.Value)).ToList());

    public async Task<TResult> Use<TService, TResult>(Func<TService, Task<TResult>> call)
        where TService : notnull
    {
        await using var scope = db.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task Use<TService>(Func<TService, Task> call)
        where TService : notnull
    {
        await using var scope = db.Services.CreateAsyncScope();
        await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<long> ApproveAsync(long id, bool confirmed = false) =>
        Use<RecommendationDecisions, long>(s => s.ApproveAsync(id, confirmed));

    public Task<RecommendationDetail?> GetAsync(long id) => Use<RecommendationQueries, RecommendationDetail?>(s => s.GetAsync(id));

    public Task<ChangeSetDetail?> GetChangeSetAsync(long id) => Use<ChangeSetService, ChangeSetDetail?>(s => s.GetAsync(id));

    public Task<StreamDetail?> GetStreamAsync(long id) => Use<StreamService, StreamDetail?>(s => s.GetAsync(id));
}
