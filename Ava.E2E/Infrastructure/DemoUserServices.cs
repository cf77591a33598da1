namespace Ava.E2E.Infrastructure;

/// <summary>Calls the running dashboard's services as a demo user, to arrange data that no page creates.</summary>
public static class DemoUserServices
{
    /// <summary>Calls <typeparamref name="TService"/> as <paramref name="user"/>, with the claims the dashboard gives them at sign-in.</summary>
    public static Task<TResult> AsAsync<TService, TResult>(this ServiceDatabase app, DemoUser user, Func<TService, Task<TResult>> call)
        where TService : notnull => app.AsAsync(user.Email, call);
}
