namespace Ava.Domain.Workflows;

public static class WorkflowTriggers
{
    public const string Schedule = "schedule";
    public const string Restart = "restart";

    public static string User(string userName) => $"user:{userName}";
}
