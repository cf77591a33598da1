using Ava.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Ava.Tests.Infrastructure.Persistence;

/// <summary>Each provider's migrations set builds the whole model, and matches it.</summary>
public sealed class MigrationsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ava-migrations-").FullName;

    [Fact]
    public async Task MigrateAsync_CreatesEveryTableOfTheModel_OnAFreshSqliteFile()
    {
        await using var db = NewSqliteContext();

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        var tables = await db.Database
            .SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'")
            .ToListAsync(TestContext.Current.CancellationToken);
        var modelTables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        modelTables.ShouldContain("WorkflowRuns");
        modelTables.ShouldContain("AspNetUsers");
        string[] expected = [.. modelTables, "__EFMigrationsHistory"];
        expected.ShouldBeSubsetOf(tables);
    }

    [Fact]
    public async Task MigrateAsync_RecordsEveryMigrationInTheHistory_OnAFreshSqliteFile()
    {
        await using var db = NewSqliteContext();

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        var known = db.Database.GetMigrations().ToList();
        known.ShouldContain(m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
        (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBe(known);
        (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public void HasPendingModelChanges_IsFalse_ForTheSqliteMigrations()
    {
        using var db = NewSqliteContext();

        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Fact]
    public void HasPendingModelChanges_IsFalse_ForTheSqlServerMigrations()
    {
        // No server is needed: the model is compared with the migrations' snapshot only.
        using var db = new SqlServerAvaDbContext(new DbContextOptionsBuilder<SqlServerAvaDbContext>()
            .UseSqlServer("Server=unused.invalid;Database=Ava;TrustServerCertificate=True", DatabaseRegistration.SqlServerMigrations)
            .Options);

        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Fact]
    public void IdempotentScript_CreatesEveryTableAndTheAppendOnlyTrigger_ForSqlServer()
    {
        using var db = new SqlServerAvaDbContext(new DbContextOptionsBuilder<SqlServerAvaDbContext>()
            .UseSqlServer("Server=unused.invalid;Database=Ava;TrustServerCertificate=True", DatabaseRegistration.SqlServerMigrations)
            .Options);

        var script = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>()
            .GenerateScript(options: Microsoft.EntityFrameworkCore.Migrations.MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
        {
            script.ShouldContain($"CREATE TABLE [{table}]");
        }

        script.ShouldContain("IF NOT EXISTS");
        script.ShouldContain("CREATE TRIGGER AuditEvents_AppendOnly");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteAvaDbContext NewSqliteContext() =>
        new(new DbContextOptionsBuilder<SqliteAvaDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder, "ava.db")}", DatabaseRegistration.SqliteMigrations)
            .Options);
}
