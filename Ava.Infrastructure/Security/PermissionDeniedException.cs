namespace Ava.Infrastructure.Security;

/// <summary>A caller tried something its permissions do not allow; the message is safe to show.</summary>
public sealed class PermissionDeniedException(string permission, string? userName)
    : Exception($"You do not have the '{permission}' permission.")
{
    public string Permission { get; } = permission;

    public string? UserName { get; } = userName;
}
