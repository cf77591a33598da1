namespace Ava.Infrastructure.Persistence;

/// <summary>Data the product needs in every database (not only in demo mode), inserted at start-up when missing. Must be safe to run on every start.</summary>
public interface IReferenceDataSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
