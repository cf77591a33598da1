using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Ava.Tests.Infrastructure.Persistence;

/// <summary>
/// No SQL Server runs where the tests do, so every SQL Server statement the app can send, generated or
/// hand-written, is parsed with Microsoft's own T-SQL parser instead: a statement SQL Server would reject
/// for its syntax fails here.
/// </summary>
public sealed class SqlServerScriptTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MigrationScript_IsValidTSql_PlainAndIdempotent(bool idempotent)
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: idempotent ? MigrationsSqlGenerationOptions.Idempotent : MigrationsSqlGenerationOptions.Default);

        Errors(script).ShouldBeEmpty();
        script.ShouldContain("CREATE TRIGGER AuditEvents_AppendOnly");
    }

    [Fact]
    public void Parser_ReportsTheTriggerInsideAnIfBlock_AsTheErrorItIs()
    {
        // What the idempotent script held before the trigger got a batch of its own: proof the check can fail.
        const string Broken = "IF NOT EXISTS (SELECT 1 FROM sys.objects) BEGIN CREATE TRIGGER T ON AuditEvents INSTEAD OF DELETE AS BEGIN THROW 51001, 'no', 1; END; END;";

        Errors(Broken).ShouldNotBeEmpty();
    }

    [Fact]
    public void HandWrittenStatements_AreValidTSql()
    {
        string[] statements =
        [
            SqlServerStatements.AuditChainLock,
            SqlServerStatements.IdentityInsert("Streams", on: true),
            SqlServerStatements.IdentityInsert("Codestones", on: false),
            SqlServerStatements.IdentityInsert("Odd]Name", on: true),
        ];

        foreach (var statement in statements)
        {
            Errors(statement).ShouldBeEmpty(statement);
        }
    }

    private static SqlServerAvaDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerAvaDbContext>()
            .UseSqlServer("Server=unused.invalid;Database=Ava;TrustServerCertificate=True", DatabaseRegistration.SqlServerMigrations)
            .Options);

    private static List<string> Errors(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"line {e.Line}: {e.Message}").ToList();
    }
}
