using System.Globalization;
using System.Net;
using System.Security.Claims;
using Ava.Dashboard.Security;
using Ava.Domain.Security;
using Ava.Tests.TestData;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ava.Tests.Web;

/// <summary>An open circuit ends with the session: 12 hours after sign-in, or after 8 hours without input.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class CircuitSessionTests(AvaAppFactory app)
{
    [Fact]
    public async Task SignIn_PutsTheSignInTimeInTheSessionsPrincipal_ForTheCircuitToCheck()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.Viewer);
        using var client = SignedInClient.Anonymous(app);
        var before = DateTimeOffset.UtcNow;

        using var response = await SignInForm.SubmitAsync(client, user.Email!, TestUsers.Password, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Ava.Session=", StringComparison.Ordinal));
        var value = cookie["Ava.Session=".Length..cookie.IndexOf(';', StringComparison.Ordinal)];
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = options.TicketDataFormat.Unprotect(value).ShouldNotBeNull();
        var signedInAt = CircuitSession.SignedInAt(ticket.Principal).ShouldNotBeNull();
        signedInAt.ShouldBeInRange(before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public void HasEnded_AfterEightHoursWithoutInput_AndTwelveHoursAfterSignIn_WhateverTheInput()
    {
        var clock = new ShiftedClock();
        var session = new CircuitSession(clock);
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(CircuitSession.SignedInAtClaim, clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture))], "Test"));

        clock.Offset = TimeSpan.FromHours(7.9);
        session.HasEnded(user).ShouldBeNull();
        clock.Offset = TimeSpan.FromHours(8.1);
        session.HasEnded(user).ShouldBe("the session was idle for 8 hours");

        session.MarkActivity();
        session.HasEnded(user).ShouldBeNull();
        clock.Offset = TimeSpan.FromHours(11.9);
        session.MarkActivity();
        session.HasEnded(user).ShouldBeNull();
        clock.Offset = TimeSpan.FromHours(12.1);
        session.MarkActivity();
        session.HasEnded(user).ShouldBe("the session reached its 12-hour limit");
    }
}
