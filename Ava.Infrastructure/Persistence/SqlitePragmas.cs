using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ava.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings. In WAL mode <c>synchronous=NORMAL</c> keeps the database
/// consistent through crashes and power loss (a power cut may lose the last commits, never corrupt
/// the file) and spares an fsync per transaction; <c>foreign_keys</c> is on for every connection.
/// <c>mmap_size</c> (<see cref="Configuration.DatabaseOptions.SqliteMemoryMapMegabytes"/>, 256 MiB by default) lets a
/// connection read that much of the file straight from the operating system's page cache instead of copying each page
/// through a read call: a list filtered by tags reads thousands of scattered pages, and the copies were half of its
/// time (docs/benchmarks.md). The mapping is address space shared by every connection, not memory of each.
/// </summary>
internal sealed class SqlitePragmas(int memoryMapMegabytes) : DbConnectionInterceptor
{
    private readonly string _pragmas = string.Create(CultureInfo.InvariantCulture,
        $"PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA mmap_size={memoryMapMegabytes * 1024L * 1024L};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }
}
