using Ava.Domain.Common;

namespace Ava.Infrastructure.Common;

/// <summary>The entity asked for does not exist (any more).</summary>
public sealed class NotFoundException(string message) : DomainException(message);
