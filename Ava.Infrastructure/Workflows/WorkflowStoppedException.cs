namespace Ava.Infrastructure.Workflows;

/// <summary>
/// A job that knows another attempt cannot help (the model's answer already failed validation after its
/// retry; the instructions alone exceed the token budget): the run fails now with this message, without
/// the remaining retries, and raises the final-failure alert and audit event like any failed run.
/// </summary>
public sealed class WorkflowStoppedException(string message, Exception? inner = null) : Exception(message, inner);
