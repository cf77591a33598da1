using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ava.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef</c> build each provider's context without starting the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAvaDbContext>
{
    public SqliteAvaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAvaDbContext>()
            .UseSqlite("Data Source=design-time.db", DatabaseRegistration.SqliteMigrations)
            .Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAvaDbContext>
{
    public SqlServerAvaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAvaDbContext>()
            .UseSqlServer("Server=localhost;Database=Ava;Trusted_Connection=True;TrustServerCertificate=True", DatabaseRegistration.SqlServerMigrations)
            .Options);
}
