using System.Globalization;
using System.Text.RegularExpressions;
using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

public sealed partial class AuditLogTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    private const string SignInFailed = "auth.sign_in_failed";
    private const string SecurityViolation = "security.violation";
    private const string CsvHeader = "Sequence,TimestampUtc,User,Action,Resource,Success,Error,ClientIp,CorrelationId,Metadata,Hash";

    [Fact]
    public async Task Filters_ShowExactlyTheFailedSignInsOfAUser_WhenAnAdminFiltersByActionOutcomeAndUser()
    {
        // Arrange: two failed sign-ins with addresses no other test uses.
        var marker = Guid.NewGuid().ToString("N");
        string[] emails = [$"nobody-{marker}@example.com", $"ghost-{marker}@example.com"];
        await FailToSignInAsync(emails);
        var page = await OpenPageSignedInAsync(DemoUser.Admin);
        var audit = new AuditLogPage(page);
        await audit.GotoAsync();

        // Act
        await audit.FilterByActionAsync(SignInFailed);
        // The action alone narrows the list: only failed sign-ins, whoever attempted them.
        await Expect(audit.EventRows.Filter(new() { HasNotText = SignInFailed })).ToHaveCountAsync(0);
        await audit.FilterByOutcomeAsync("Failure");
        await audit.FilterByUserAsync(marker);

        // Assert: those two attempts and nothing else, newest first, each with the reason.
        await Expect(audit.EventRows).ToHaveCountAsync(2);
        await Expect(audit.EventRows.First).ToContainTextAsync(emails[1]);
        foreach (var email in emails)
        {
            await Expect(AuditLogPage.Cells(audit.RowsOf(email))).ToHaveTextAsync(
            [
                Number(), Timestamp(), Exactly(email), Exactly(SignInFailed), Exactly("account"), Exactly("failure"), Exactly("unknown user"),
            ]);
        }

        // Act: open the details of the older attempt.
        var row = audit.RowsOf(emails[0]);
        var sequence = await AuditLogPage.SequenceOfAsync(row);
        await audit.OpenDetailsAsync(row);

        // Assert
        await Expect(audit.DetailsHeading(sequence)).ToBeVisibleAsync();
        await Expect(audit.Details).ToContainTextAsync(emails[0]);
        await Expect(audit.Details).ToContainTextAsync(SignInFailed);
        await Expect(audit.Details).ToContainTextAsync("unknown user");
        await Expect(audit.Details).Not.ToContainTextAsync(emails[1]);
    }

    [Fact]
    public async Task ExportCsv_DownloadsExactlyTheFilteredEvents_WhenAnAdminExportsFailedSignInsOfAUser()
    {
        // Arrange
        var marker = Guid.NewGuid().ToString("N");
        string[] emails = [$"nobody-{marker}@example.com", $"ghost-{marker}@example.com"];
        await FailToSignInAsync(emails);
        var page = await OpenPageSignedInAsync(DemoUser.Admin);
        var audit = new AuditLogPage(page);
        await audit.GotoAsync();
        await audit.FilterByActionAsync(SignInFailed);
        await audit.FilterByOutcomeAsync("Failure");
        await audit.FilterByUserAsync(marker);
        await Expect(audit.EventRows).ToHaveCountAsync(2);
        long[] shown = [await AuditLogPage.SequenceOfAsync(audit.EventRows.Nth(0)), await AuditLogPage.SequenceOfAsync(audit.EventRows.Nth(1))];
        await Expect(audit.ExportCsvLink).ToHaveAttributeAsync("href", new Regex($"[?&]user={marker}(&|$)"));
        await Expect(audit.ExportCsvLink).ToHaveAttributeAsync("href", new Regex($"[?&]action={Regex.Escape(SignInFailed)}(&|$)"));
        await Expect(audit.ExportCsvLink).ToHaveAttributeAsync("href", new Regex("[?&]success=false(&|$)"));

        // Act
        var csv = await audit.ExportCsvAsync();

        // Assert: the header, then exactly the two rows the table showed, in the same order.
        var lines = csv.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToList();
        lines[0].ShouldBe(CsvHeader);
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToList();
        rows.Count.ShouldBe(2, csv);
        rows.ShouldAllBe(fields => fields.Length == 11, csv);
        rows.Select(fields => long.Parse(fields[0], CultureInfo.InvariantCulture)).ShouldBe(shown);
        rows.Select(fields => fields[2]).ShouldBe([emails[1], emails[0]]);
        rows.ShouldAllBe(fields => fields[3] == SignInFailed && fields[5] == "false" && fields[6] == "unknown user", csv);
    }

    [Fact]
    public async Task VerifyChain_ReportsAnIntactChainOfRecordedEvents_WhenAnAdminClicksIt()
    {
        // Arrange
        var page = await OpenPageSignedInAsync(DemoUser.Admin);
        var audit = new AuditLogPage(page);
        await audit.GotoAsync();
        await Expect(audit.ChainResult).ToHaveCountAsync(0);

        // Act
        await audit.VerifyChainAsync();

        // Assert
        await Expect(audit.ChainResult).ToHaveTextAsync(IntactWithEvents());
        Output.WriteLine($"Audit log: {await page.SaveScreenshotAsync("audit-log")}");
    }

    [Fact]
    public async Task AuditLog_ShowsTheSecurityViolation_WhenADeveloperWasRefusedIt()
    {
        // Arrange: the newest event before the refusal.
        var adminPage = await OpenPageSignedInAsync(DemoUser.Admin);
        var audit = new AuditLogPage(adminPage);
        await audit.GotoAsync();
        await Expect(AuditLogPage.Cell(audit.EventRows.First, "#")).ToHaveTextAsync(Number());
        var newestBefore = await AuditLogPage.SequenceOfAsync(audit.EventRows.First);

        var developerPage = await OpenPageSignedInAsync(DemoUser.Developer);
        await new AuditLogPage(developerPage).GotoAsync();
        await Expect(new AccessDeniedPage(developerPage).Heading).ToBeVisibleAsync();

        // Act: filtering reloads the table from the server.
        await audit.FilterByActionAsync(SecurityViolation);
        await audit.FilterByUserAsync(DemoUser.Developer.Email);

        // Assert: the newest of the Developer's violations is the refusal of /audit, recorded after it happened.
        await Expect(audit.EventRows.Filter(new() { HasNotText = SecurityViolation })).ToHaveCountAsync(0);
        await Expect(audit.EventRows.Filter(new() { HasNotText = DemoUser.Developer.Email })).ToHaveCountAsync(0);
        var newest = audit.EventRows.First;
        await Expect(AuditLogPage.Cell(newest, "Resource")).ToContainTextAsync(AuditLogPage.Path);
        await Expect(AuditLogPage.Cell(newest, "Outcome")).ToHaveTextAsync("failure");
        (await AuditLogPage.SequenceOfAsync(newest)).ShouldBeGreaterThan(newestBefore);
    }

    /// <summary>Tries to sign in as each address, which has no account, and waits until the form says it failed.</summary>
    private async Task FailToSignInAsync(IEnumerable<string> emails)
    {
        var page = await OpenPageAsync();
        var login = new LoginPage(page);
        foreach (var email in emails)
        {
            await login.GotoAsync();
            await login.SignInAsync(email, "not the password, long enough");
            await Expect(login.Error).ToContainTextAsync("The email or password is not correct.");
        }
    }

    private static Regex Exactly(string text) => new($"^{Regex.Escape(text)}$");

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")]
    private static partial Regex Timestamp();

    // Then what anchoring says: checkpoints are off in the browser tests' dashboard (no Audit:CheckpointKey).
    [GeneratedRegex(@"^\s*Intact, [1-9][\d,]* events\. Checkpoints are off")]
    private static partial Regex IntactWithEvents();
}
