using Ava.Domain.Recommendations;
using Ava.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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

    [Fact]
    public async Task MigrateAsync_KeepsTheTypeOfEveryExistingRecommendationChangesetAndRecord_WhenTypesBecomeNames()
    {
        await using var db = NewSqliteContext();
        var migrator = db.GetService<IMigrator>();
        var beforeNames = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_OpenChangeTargetTypes", StringComparison.Ordinal)).Last();
        await migrator.MigrateAsync(beforeNames, TestContext.Current.CancellationToken);
        // Rows as the enum stored them: numbers in the columns, the enum's names in the recommendation's JSON.
        await ExecuteAsync(db, $"""
            INSERT INTO Recommendations (Id, Band, ChangeSummary, Changes, Confidence, CreatedAt, Rationale, Source, Status, SubmittedBy, TargetSummary, TargetType, Version, DecidedBy, DecisionReason)
            VALUES (1, 0, 'status → Refined', '{Changes("Stream", 5)}', 0.9, 0, 'Because.', 'triage', 1, 'developer', 'Old stream', 0, '{Guid.NewGuid()}', 'admin', 'admin_role'),
                   (2, 1, 'review_status → Review', '{Changes("Codestone", 6)}', 0.5, 0, 'Because.', 'code_review', 0, 'bot', 'Old codestone', 1, '{Guid.NewGuid()}', NULL, NULL);
            INSERT INTO ChangeSets (Id, AppliedAt, AppliedBy, ApprovalGrant, Complexity, EntityCount, RecommendationId, Status, TargetType, Version)
            VALUES (1, 0, 'admin', 'admin_role', 0, 1, 1, 0, 0, '{Guid.NewGuid()}');
            INSERT INTO ChangeRecords (Id, AfterState, BeforeState, ChangeSetId, ChangedFields, EntityId, EntityType, Operation, "Order")
            VALUES (1, '{EmptyState}', '{EmptyState}', 1, '["status"]', 5, 0, 1, 0);
            """);

        await migrator.MigrateAsync(cancellationToken: TestContext.Current.CancellationToken);

        var recommendations = await db.Recommendations.AsNoTracking().OrderBy(r => r.Id).ToListAsync(TestContext.Current.CancellationToken);
        recommendations.Select(r => r.TargetType).ShouldBe([ChangeTargetType.Stream, ChangeTargetType.Codestone]);
        recommendations.Select(r => r.Changes.Single().TargetType).ShouldBe([ChangeTargetType.Stream, ChangeTargetType.Codestone]);
        (await db.ChangeSets.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken)).TargetType.ShouldBe(ChangeTargetType.Stream);
        (await db.ChangeRecords.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken)).EntityType.ShouldBe(ChangeTargetType.Stream);
        (await db.Recommendations.CountAsync(r => r.TargetType == ChangeTargetType.Codestone, TestContext.Current.CancellationToken)).ShouldBe(1);

        await migrator.MigrateAsync(beforeNames, TestContext.Current.CancellationToken);

        (await db.Database.SqlQueryRaw<long>("SELECT TargetType AS Value FROM Recommendations ORDER BY Id").ToListAsync(TestContext.Current.CancellationToken)).ShouldBe([0L, 1L]);
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

    private const string EmptyState = "{}";

    /// <summary>SQL with JSON in it, sent as written (EF's raw SQL would read the braces as parameter placeholders).</summary>
    private static async Task ExecuteAsync(DbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static string Changes(string type, long id) =>
        $$"""[{"targetType":"{{type}}","targetId":{{id}},"operation":"Update","fields":[{"field":"status","value":"Refined"}],"targetVersion":null,"targetTitle":"Old {{type.ToLowerInvariant()}}"}]""";
}
