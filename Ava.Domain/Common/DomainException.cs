namespace Ava.Domain.Common;

/// <summary>A broken business rule: the message is safe to show to the user.</summary>
public class DomainException(string message) : Exception(message);
