using Microsoft.EntityFrameworkCore;

namespace Ava.Tests.TestData;

/// <summary>
/// A test of the approval services over a fresh, migrated database, through <see cref="ApprovalScenario"/>;
/// the services see an administrator until the test says otherwise.
/// </summary>
public abstract class ApprovalServicesTest : IAsyncLifetime
{
    protected ServiceDatabase Db { get; private set; } = default!;

    protected ApprovalScenario Scenario { get; private set; } = default!;

    public virtual async ValueTask InitializeAsync()
    {
        Db = await ServiceDatabase.CreateAsync();
        Scenario = new ApprovalScenario(Db);
        Scenario.AsAdmin();
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>How many events the audit log holds.</summary>
    protected async Task<int> AuditCountAsync()
    {
        await using var db = Db.NewContext();
        return await db.AuditEvents.CountAsync();
    }
}
