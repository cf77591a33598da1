namespace Ava.E2E.Infrastructure;

/// <summary>An account the dashboard seeds in demo mode. All of them share the run's demo password.</summary>
public sealed record DemoUser(string Email, string Role)
{
    public static readonly DemoUser Admin = new("admin@ava.local", "Admin");
    public static readonly DemoUser Developer = new("developer@ava.local", "Developer");
    public static readonly DemoUser Viewer = new("viewer@ava.local", "Viewer");

    public static DemoUser WithRole(string role) =>
        new[] { Admin, Developer, Viewer }.Single(user => user.Role == role);
}
