namespace Ava.Domain.Settings;

/// <summary>
/// A capability's switch as an administrator last set it, kept in the database so every instance sees the
/// same value. A capability without a row is on.
/// </summary>
public sealed class FeatureFlag
{
    public const int NameMaxLength = 100;

    private FeatureFlag()
    {
    }

    public FeatureFlag(string name, bool enabled, string changedBy, DateTimeOffset changedAt)
    {
        Name = name;
        Enabled = enabled;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
    }

    public string Name { get; private set; } = "";

    public bool Enabled { get; private set; }

    public string ChangedBy { get; private set; } = "";

    public DateTimeOffset ChangedAt { get; private set; }

    /// <returns>Whether the value changed.</returns>
    public bool Switch(bool enabled, string by, DateTimeOffset at)
    {
        if (Enabled == enabled)
        {
            return false;
        }

        Enabled = enabled;
        ChangedBy = by;
        ChangedAt = at;
        return true;
    }
}
