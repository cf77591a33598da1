using Ava.Domain.Commands;
using Ava.Infrastructure.Commands.Sandbox;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Commands;

/// <summary>
/// At start-up: finds out once which sandbox this machine allows (and logs it), and, with the embedded
/// database (one instance), fails the runs that were stored as queued but never handed to the workflow
/// because the dashboard stopped in between. Runs that were handed over come back through
/// <c>WorkflowRecovery</c>, and <see cref="CommandRunner"/> marks one that was Running as interrupted.
/// </summary>
internal sealed class CommandQueueRecovery(
    IDbContextFactory<AvaDbContext> contexts,
    IOptions<DatabaseOptions> database,
    SandboxHost sandbox,
    TimeProvider clock,
    ILogger<CommandQueueRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await sandbox.IsolationAsync();
        }
        catch (InvalidOperationException ex)
        {
            // Runs are refused with this reason; the rest of the dashboard works.
            logger.LogError("{Problem}", ex.Message);
        }

        if (database.Value.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var orphans = await db.CommandExecutions.Where(e => e.Status == CommandExecutionStatus.Queued && e.JobId == null).ToListAsync(cancellationToken);
        foreach (var orphan in orphans)
        {
            orphan.FailBeforeStart("The dashboard stopped before this run was handed to the run-command workflow; it did not run.", clock.GetUtcNow());
            logger.LogWarning("Run {ExecutionId} of {Command} was queued but never handed to the workflow; marked failed", orphan.Id, orphan.CommandName);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
