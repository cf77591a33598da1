namespace Ava.Infrastructure.Configuration;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>The <c>Database</c> section. The connection string itself is <c>ConnectionStrings:Ava</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Ava";
    public const string DefaultSqliteConnectionString = "Data Source=data/ava.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up. Turn off in production and apply the idempotent script.</summary>
    public bool AutoMigrate { get; set; } = true;

    /// <summary>SQLite busy timeout: how long a writer waits for a lock before failing.</summary>
    public int SqliteBusyTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How much of the SQLite file each connection reads through a memory map (<c>PRAGMA mmap_size</c>), in MiB; 0 reads
    /// every page through read calls. Address space shared through the operating system's page cache, not memory per
    /// connection.
    /// </summary>
    public int SqliteMemoryMapMegabytes { get; set; } = 256;
}
