using Ava.Infrastructure.Common;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ava.Infrastructure.Workflows;

internal static class HangfireRegistration
{
    /// <summary>
    /// Hangfire with this app's own storage and filter set registered in DI (not Hangfire's static
    /// globals), so the retry policy and the run recorder belong to this host alone.
    /// </summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, DatabaseOptions database, string? connectionString, WorkflowOptions workflows)
    {
        services.AddSingleton<JobStorage>(sp =>
        {
            // Hangfire keeps its log provider in a process-wide static, set by the host that last resolved its
            // configuration. A storage builds its loggers when created, so this host's configuration comes first.
            sp.GetRequiredService<IGlobalConfiguration>();
            return StorageFor(database, connectionString);
        });

        services.AddSingleton<IJobFilterProvider>(sp =>
        {
            var filters = new JobFilterCollection
            {
                new CaptureCultureAttribute(),
                new StatisticsHistoryAttribute(),
                new ContinuationsSupportAttribute(),
                new AutomaticRetryAttribute
                {
                    Attempts = workflows.RetryAttempts,
                    DelaysInSeconds = workflows.EffectiveRetryDelaysSeconds(),
                    OnAttemptsExceeded = AttemptsExceededAction.Fail,
                    ExceptOn = [typeof(WorkflowCallerRefusedException), typeof(WorkflowStoppedException)],
                },
                new WorkflowRunRecorder(
                    sp.GetRequiredService<IDbContextFactory<AvaDbContext>>(),
                    sp.GetRequiredService<IServiceScopeFactory>(),
                    workflows.RetryAttempts,
                    sp.GetRequiredService<LiveUpdates>(),
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<WorkflowRunRecorder>>()),

                // After the recorder, so a refused caller's attempt is recorded as started and then failed.
                new WorkflowCallerFilter(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<ILogger<WorkflowCallerFilter>>()),
            };
            return new JobFilterProviderCollection(filters, new JobFilterAttributeFilterProvider());
        });

        // This host's own activator: Hangfire's default is a process-wide static that a second host
        // in the same process (tests, restarts) would overwrite.
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));

        services.AddHangfire((sp, config) => config
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        if (workflows.RunServer)
        {
            services.AddHangfireServer((sp, server) =>
            {
                server.WorkerCount = workflows.WorkerCount;
                server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
        }

        services.AddTransient<WorkflowRunRetentionJob>();
        services.AddTransient<ArchiveOldStreamsJob>();
        services.AddTransient<RunCommandJob>();
        services.AddScoped<WorkflowLauncher>();
        services.AddSingleton<WorkflowProgress>();
        services.AddSingleton<WorkflowRecovery>();
        services.AddScoped<WorkflowRunQueries>();
        services.AddScoped<WorkflowRunActions>();
        return services;
    }

    private static JobStorage StorageFor(DatabaseOptions database, string? connectionString) => database.Provider == DatabaseProvider.SqlServer
        ? new SqlServerStorage(connectionString, new SqlServerStorageOptions
        {
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromSeconds(5),
        })
        : new InMemoryStorage(new InMemoryStorageOptions
        {
            // Numeric ids start again at 1 after every restart and would match the runs an earlier
            // process recorded; WorkflowRuns.JobId must stay unique across restarts.
            IdType = InMemoryStorageIdType.Guid,
        });
}
