namespace Ava.Domain.Common;

/// <summary>
/// An entity with an optimistic concurrency token. The token is replaced on every save,
/// so two writers that loaded the same version cannot both succeed (works on SQLite too).
/// </summary>
public interface IVersioned
{
    Guid Version { get; }

    void NewVersion();
}
