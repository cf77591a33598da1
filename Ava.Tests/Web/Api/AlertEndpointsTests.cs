using System.Net;
using System.Text.Json;
using Ava.Domain.Alerts;
using Ava.Domain.Security;
using Ava.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace Ava.Tests.Web.Api;

/// <summary>/api/v1/alerts: the list, acknowledging with a note and silencing, over alerts the app raised itself.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class AlertEndpointsTests(AvaAppFactory app)
{
    private const string Alerts = "/api/v1/alerts";

    [Fact]
    public async Task List_ShowsAnAdminTheAlertRaisedByRepeatedRefusals_AndRefusesADeveloper()
    {
        var (subject, id) = await RaiseAsync();
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);

        var list = await (await admin.GetAsync($"{Alerts}?pageSize=200", TestContext.Current.CancellationToken)).ReadJsonAsync();
        using var refused = await developer.GetAsync(Alerts, TestContext.Current.CancellationToken);

        var alert = list.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == id);
        alert.GetProperty("kind").GetString().ShouldBe(Alert.SecurityViolationsKind);
        alert.GetProperty("subject").GetString().ShouldBe(subject);
        alert.GetProperty("severity").GetString().ShouldBe("Critical");
        alert.GetProperty("count").GetInt32().ShouldBe(1);
        alert.GetProperty("resolvedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        list.GetProperty("totalCount").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        await refused.ReadProblemAsync(403);
    }

    [Fact]
    public async Task Acknowledge_RecordsWhoWhenAndTheNote_Audited_ThenRefuses422()
    {
        var (_, id) = await RaiseAsync();
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);

        using var acknowledged = await admin.PostJsonAsync($"{Alerts}/{id}/acknowledge", new { note = "Talked to them; a script with an old token." });
        using var again = await admin.PostAsync($"{Alerts}/{id}/acknowledge", null, TestContext.Current.CancellationToken);

        acknowledged.StatusCode.ShouldBe(HttpStatusCode.OK);
        var alert = await acknowledged.ReadJsonAsync();
        alert.GetProperty("acknowledgedBy").GetString().ShouldBe(AvaAppFactory.AdminEmail);
        alert.GetProperty("acknowledgeNote").GetString().ShouldBe("Talked to them; a script with an old token.");
        alert.GetProperty("acknowledgedAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
        (await again.ReadProblemAsync(422)).GetProperty("detail").GetString().ShouldBe($"This alert was already acknowledged by {AvaAppFactory.AdminEmail}.");
        await using var db = app.OpenDatabase();
        (await db.AuditEvents.CountAsync(e => e.Action == AlertAuditActions.Acknowledged && e.Resource == $"alert/{id}", TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    [Fact]
    public async Task Acknowledge_TakesAnEmptyBody_And404sForAnUnknownAlert()
    {
        var (_, id) = await RaiseAsync();
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);

        using var acknowledged = await admin.PostAsync($"{Alerts}/{id}/acknowledge", null, TestContext.Current.CancellationToken);
        using var missing = await admin.PostAsync($"{Alerts}/987654321/acknowledge", null, TestContext.Current.CancellationToken);

        acknowledged.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await acknowledged.ReadJsonAsync()).GetProperty("acknowledgeNote").ValueKind.ShouldBe(JsonValueKind.Null);
        await missing.ReadProblemAsync(404);
    }

    [Fact]
    public async Task Silence_KeepsTheRuleAndSubjectQuietUntilTheTime_AndTheListSaysUntilWhen()
    {
        var (subject, id) = await RaiseAsync();
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        var until = DateTimeOffset.UtcNow.AddHours(2);

        using var silenced = await admin.PostJsonAsync($"{Alerts}/{id}/silence", new { until, note = "Known; their script is being fixed." });
        var list = await (await admin.GetAsync($"{Alerts}?status=open&pageSize=200", TestContext.Current.CancellationToken)).ReadJsonAsync();

        silenced.StatusCode.ShouldBe(HttpStatusCode.OK, await silenced.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var silence = await silenced.ReadJsonAsync();
        (silence.GetProperty("rule").GetString(), silence.GetProperty("subject").GetString()).ShouldBe((Alert.SecurityViolationsKind, subject));
        silence.GetProperty("until").GetDateTimeOffset().ShouldBe(until, TimeSpan.FromMilliseconds(1));
        silence.GetProperty("createdBy").GetString().ShouldBe(AvaAppFactory.AdminEmail);
        var row = list.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == id);
        row.GetProperty("silencedUntil").GetDateTimeOffset().ShouldBe(until, TimeSpan.FromMilliseconds(1));
        await using var db = app.OpenDatabase();
        (await db.AuditEvents.CountAsync(e => e.Action == AlertAuditActions.Silenced && e.Resource == $"alert/{id}", TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    [Fact]
    public async Task Silence_Refuses400WithoutUntil_And422ForAPastOrTooDistantTime()
    {
        var (_, id) = await RaiseAsync();
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);

        using var missing = await admin.PostJsonAsync($"{Alerts}/{id}/silence", new { note = "no time" });
        using var past = await admin.PostJsonAsync($"{Alerts}/{id}/silence", new { until = DateTimeOffset.UtcNow.AddMinutes(-1) });
        using var far = await admin.PostJsonAsync($"{Alerts}/{id}/silence", new { until = DateTimeOffset.UtcNow.AddDays(31) });

        (await missing.ReadProblemAsync(400)).FieldErrors("until").ShouldHaveSingleItem();
        (await past.ReadProblemAsync(422)).GetProperty("detail").GetString().ShouldBe("A silence must end in the future.");
        (await far.ReadProblemAsync(422)).GetProperty("detail").GetString().ShouldBe("A silence may last at most 30 days.");
    }

    [Fact]
    public async Task List_Answers400ForAnUnknownStatus()
    {
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);

        using var bad = await admin.GetAsync($"{Alerts}?status=Burning", TestContext.Current.CancellationToken);

        (await bad.ReadProblemAsync(400)).FieldErrors("status").ShouldHaveSingleItem().ShouldContain("Open");
    }

    /// <summary>A user of its own is refused five times (the default threshold), which raises a security alert about them.</summary>
    private async Task<(string Subject, long AlertId)> RaiseAsync()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.Viewer);
        using var client = await ApiClient.ForAsync(app, user.Email!);
        for (var i = 0; i < 5; i++)
        {
            using var refused = await client.GetAsync(Alerts, TestContext.Current.CancellationToken);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        await using var db = app.OpenDatabase();
        var alert = await db.Alerts.SingleAsync(a => a.Kind == Alert.SecurityViolationsKind && a.Subject == user.Email, TestContext.Current.CancellationToken);
        return (user.Email!, alert.Id);
    }
}
