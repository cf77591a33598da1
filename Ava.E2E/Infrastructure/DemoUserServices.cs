using Ava.Infrastructure.Alerts;
using Ava.Infrastructure.Security;

namespace Ava.E2E.Infrastructure;

/// <summary>Calls the running dashboard's services as a demo user, to arrange data that no page creates.</summary>
public static class DemoUserServices
{
    /// <summary>Calls <typeparamref name="TService"/> as <paramref name="user"/>, with the claims the dashboard gives them at sign-in.</summary>
    public static Task<TResult> AsAsync<TService, TResult>(this ServiceDatabase app, DemoUser user, Func<TService, Task<TResult>> call)
        where TService : notnull => app.AsAsync(user.Email, call);

    /// <summary>
    /// A Viewer named <paramref name="userName"/> is refused five times, as the app records refusals: that raises an
    /// open security alert about them.
    /// </summary>
    public static async Task RaiseSecurityAlertAsync(this ServiceDatabase app, string userName)
    {
        var viewer = ServiceDatabase.Principal(userName, "Viewer");
        for (var i = 0; i < 5; i++)
        {
            await Shouldly.Should.ThrowAsync<PermissionDeniedException>(() =>
                app.AsAsync<AlertService, IReadOnlyList<AlertRow>>(viewer, alerts => alerts.ListOpenAsync()));
        }
    }
}
