using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ava.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings. In WAL mode <c>synchronous=NORMAL</c> keeps the database
/// consistent through crashes and power loss (a power cut may lose the last commits, never corrupt
/// the file) and spares an fsync per transaction; <c>foreign_keys</c> is on for every connection.
/// <c>mmap_size</c> lets a connection read the first 256 MiB of the file straight from the
/// operating system's page cache instead of copying each page through a read call: a list filtered by tags reads
/// thousands of scattered pages, and the copies were half of its time (docs/benchmarks.md). The mapping is address
/// space shared by every connection, not memory of each.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA mmap_size=268435456;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
