using Microsoft.EntityFrameworkCore;

namespace Ava.Tests.Infrastructure.Persistence;

/// <summary>Every SQLite connection the app opens carries its settings: foreign keys, WAL-safe sync, and the memory map.</summary>
public sealed class SqlitePragmasTests
{
    [Fact]
    public async Task AConnection_MapsTheConfiguredPartOfTheFile_AndEnforcesForeignKeys()
    {
        await using var db = await ServiceDatabase.CreateAsync();

        (await PragmaAsync(db, "mmap_size")).ShouldBe(256L * 1024 * 1024);
        (await PragmaAsync(db, "foreign_keys")).ShouldBe(1L);
        (await PragmaAsync(db, "synchronous")).ShouldBe(1L); // NORMAL
    }

    [Fact]
    public async Task ZeroMegabytes_TurnsTheMemoryMapOff()
    {
        await using var db = await ServiceDatabase.CreateAsync(settings: new Dictionary<string, string?> { ["Database:SqliteMemoryMapMegabytes"] = "0" });

        (await PragmaAsync(db, "mmap_size")).ShouldBe(0L);
    }

    private static async Task<long> PragmaAsync(ServiceDatabase db, string pragma)
    {
        await using var context = db.NewContext();
        await context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
