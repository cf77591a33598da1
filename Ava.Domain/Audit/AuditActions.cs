using System.Reflection;

namespace Ava.Domain.Audit;

/// <summary>One audit action and the feature that records it.</summary>
public sealed record AuditActionInfo(string Feature, string Name);

/// <summary>
/// Every action name the audit trail accepts: the constants of the classes marked with
/// <see cref="AuditActionSetAttribute"/> (one per feature, in that feature's folder). A feature adds an
/// action by adding a constant to its own set; nothing else needs to change.
/// </summary>
public static class AuditActions
{
    private static readonly Lazy<IReadOnlyList<AuditActionInfo>> Catalog = new(Collect);
    private static readonly Lazy<HashSet<string>> Names = new(() => Catalog.Value.Select(a => a.Name).ToHashSet(StringComparer.Ordinal));

    /// <summary>Every action, grouped by feature and sorted by name within it.</summary>
    public static IReadOnlyList<AuditActionInfo> All => Catalog.Value;

    public static bool IsKnown(string action) => Names.Value.Contains(action);

    private static IReadOnlyList<AuditActionInfo> Collect() =>
        typeof(AuditActions).Assembly.GetTypes()
            .Select(t => (Type: t, Set: t.GetCustomAttribute<AuditActionSetAttribute>()))
            .Where(t => t.Set is not null)
            .SelectMany(t => t.Type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => new AuditActionInfo(t.Set!.Feature, (string)f.GetRawConstantValue()!)))
            .OrderBy(a => a.Feature, StringComparer.Ordinal)
            .ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
}
