namespace Ava.Domain.Audit;

/// <summary>
/// Marks a static class whose <c>const string</c> fields are the audit actions of one feature.
/// <see cref="AuditActions"/> collects every marked class, so the audit page's filter offers every
/// action the code can record and the trail refuses any other.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuditActionSetAttribute(string feature) : Attribute
{
    /// <summary>The feature's name as the audit page groups its actions.</summary>
    public string Feature { get; } = feature;
}
