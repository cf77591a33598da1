using Ava.Infrastructure.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Infrastructure.Persistence;

/// <summary>Registers the provider's context and exposes it to the rest of the code as <see cref="AvaDbContext"/>.</summary>
internal static class DatabaseRegistration
{
    public static void SqliteMigrations(Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder options) =>
        options.MigrationsAssembly(typeof(AvaDbContext).Assembly.FullName);

    // No retrying execution strategy: services open their own transactions (a change and its audit event
    // commit together), which a retrying strategy refuses unless every transaction is wrapped in it.
    public static void SqlServerMigrations(Microsoft.EntityFrameworkCore.Infrastructure.SqlServerDbContextOptionsBuilder options) =>
        options.MigrationsAssembly(typeof(AvaDbContext).Assembly.FullName);

    public static IServiceCollection AddAvaDatabase(this IServiceCollection services, DatabaseOptions database, string? connectionString, string contentRoot)
    {
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            services.AddPooledDbContextFactory<SqlServerAvaDbContext>(o => o.UseSqlServer(connectionString, SqlServerMigrations));
            services.AddSingleton<IDbContextFactory<AvaDbContext>, ContextFactory<SqlServerAvaDbContext>>();
        }
        else
        {
            var sqlite = SqliteConnectionString(connectionString, contentRoot, database.SqliteBusyTimeoutSeconds);
            services.AddPooledDbContextFactory<SqliteAvaDbContext>(o => o.UseSqlite(sqlite, SqliteMigrations).AddInterceptors(new SqlitePragmas(database.SqliteMemoryMapMegabytes)));
            services.AddSingleton<IDbContextFactory<AvaDbContext>, ContextFactory<SqliteAvaDbContext>>();
        }

        // Identity's stores and the data-protection key store take a scoped context.
        services.AddScoped<AvaDbContext>(sp => sp.GetRequiredService<IDbContextFactory<AvaDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>
    /// A relative SQLite file is placed under the content root, its folder created; the command
    /// timeout doubles as the busy timeout (Microsoft.Data.Sqlite retries a locked database until it expires).
    /// </summary>
    public static string SqliteConnectionString(string? configured, string contentRoot, int busyTimeoutSeconds)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DatabaseOptions.DefaultSqliteConnectionString : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            if (!Path.IsPathRooted(builder.DataSource))
            {
                builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            }

            var folder = Path.GetDirectoryName(builder.DataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        builder.DefaultTimeout = busyTimeoutSeconds;
        builder.Pooling = true;
        return builder.ToString();
    }

    private sealed class ContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AvaDbContext>
        where TContext : AvaDbContext
    {
        public AvaDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
