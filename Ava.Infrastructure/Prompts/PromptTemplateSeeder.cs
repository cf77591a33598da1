using Ava.Domain.Prompts;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Prompts;

/// <summary>
/// On every start: inserts the shipped templates (<see cref="SeedTemplates"/>) that are missing and
/// activates their first version. A template that exists is left alone, whatever its versions.
/// Like the roles, this is the product's own reference data, not anyone's action, so it is not
/// audited; every version a person creates or activates afterwards is. The version and its
/// activation record ("seed", "Shipped with the product.") say where it came from.
/// </summary>
internal sealed class PromptTemplateSeeder(IDbContextFactory<AvaDbContext> contexts, TimeProvider clock) : IReferenceDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.PromptTemplates.Select(t => t.Name).ToListAsync(cancellationToken);
        foreach (var seed in SeedTemplates.All.Where(s => !existing.Contains(s.Name)))
        {
            var now = clock.GetUtcNow();
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var template = new PromptTemplate(seed.Name, seed.Description, now);
            db.PromptTemplates.Add(template);
            await db.SaveChangesAsync(cancellationToken);
            var version = template.AddVersion(SemanticVersion.Parse(seed.Version), seed.Text, seed.SystemContext, seed.Settings, seed.Validation,
                seed.Changelog, null, SeedTemplates.SeedAuthor, now);
            await db.SaveChangesAsync(cancellationToken);
            template.Activate(version, SeedTemplates.SeedAuthor, now, "Shipped with the product.");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
