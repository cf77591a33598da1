namespace Ava.Infrastructure.Persistence;

/// <summary>
/// Every SQL Server statement the app writes by hand, outside the generated migrations, in one place so
/// a test can parse each with Microsoft's T-SQL parser (no SQL Server runs where the tests do).
/// </summary>
internal static class SqlServerStatements
{
    /// <summary>
    /// Serializes audit appends: held until the surrounding transaction ends, so the next append reads
    /// this one's hash.
    /// </summary>
    public const string AuditChainLock =
        "DECLARE @result int; EXEC @result = sp_getapplock @Resource = 'ava-audit-chain', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000; IF @result < 0 THROW 51000, 'Could not lock the audit chain.', 1;";

    /// <summary>Allows (or ends) explicit values in a table's identity column, to restore a deleted row under its old id.</summary>
    public static string IdentityInsert(string table, bool on) =>
        $"SET IDENTITY_INSERT {Quote(table)} {(on ? "ON" : "OFF")}";

    /// <summary>A bracket-quoted identifier.</summary>
    public static string Quote(string identifier) => $"[{identifier.Replace("]", "]]", StringComparison.Ordinal)}]";
}
