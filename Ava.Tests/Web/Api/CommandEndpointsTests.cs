using System.Net;
using System.Text.Json;
using Ava.Domain.Security;
using Ava.Tests.Infrastructure.Commands;
using Ava.Tests.TestData;

namespace Ava.Tests.Web.Api;

/// <summary>/api/v1/commands and /api/v1/executions over the real queue, workflow and sandbox.</summary>
[Collection(CommandsAppCollection.Name)]
public sealed class CommandEndpointsTests(CommandsApp app)
{
    [Fact]
    public async Task ListCommands_ShowsAnAdminEveryDefinition_ADeveloperNone_AndRefusesAViewer()
    {
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);

        var commands = await (await admin.GetAsync("/api/v1/commands", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var developerCommands = await (await developer.GetAsync("/api/v1/commands", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var refused = await viewer.GetAsync("/api/v1/commands", TestContext.Current.CancellationToken);

        var echo = commands.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "echo");
        echo.GetProperty("executable").GetString().ShouldBe("/usr/bin/echo");
        echo.GetProperty("decision").GetString().ShouldBe("Allow");
        echo.GetProperty("arguments")[0].GetProperty("pattern").GetString().ShouldBe("[a-z]+");
        commands.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "needs-approval").GetProperty("decision").GetString().ShouldBe("Approval");
        developerCommands.GetArrayLength().ShouldBe(0);
        await refused.ReadProblemAsync(403);
    }

    [Fact]
    public async Task SubmitExecution_Answers201_AndTheRunEndsWithItsOutput()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);

        var response = await client.PostJsonAsync("/api/v1/executions", new { command = "echo", arguments = new[] { "viaapi" } });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync();
        var id = created.GetProperty("id").GetInt64();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/executions/{id}");
        created.GetProperty("requestedBy").GetString().ShouldBe(AvaAppFactory.AdminEmail);
        var run = await Poll.UntilAsync(
            async () => (object?)await (await client.GetAsync($"/api/v1/executions/{id}", TestContext.Current.CancellationToken)).ReadJsonAsync(),
            r => ((JsonElement)r).GetProperty("status").GetString() is "Succeeded" or "Failed",
            "the run to end");
        var ended = (JsonElement)run;
        ended.GetProperty("status").GetString().ShouldBe("Succeeded");
        ended.GetProperty("stdOut").GetString().ShouldBe("viaapi\n");
        ended.GetProperty("exitCode").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task SubmitExecution_Answers400NamingTheValue_WhenItCarriesAShellSubstitution()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);

        var response = await client.PostJsonAsync("/api/v1/executions", new { command = "list-folder", arguments = new[] { "$(cat /etc/shadow)" } });

        var problem = await response.ReadProblemAsync(400);
        problem.FieldErrors("arguments[0]").ShouldHaveSingleItem().ShouldContain("does not match its pattern");
    }

    [Fact]
    public async Task SubmitExecution_Answers400_WhenTheCommandIsNotAllowListed_And403ForADeveloper()
    {
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);

        var unknown = await admin.PostJsonAsync("/api/v1/executions", new { command = "/bin/sh", arguments = new[] { "-c", "id" } });
        var forbidden = await developer.PostJsonAsync("/api/v1/executions", new { command = "echo", arguments = new[] { "hi" } });

        (await unknown.ReadProblemAsync(400)).FieldErrors("command").ShouldHaveSingleItem().ShouldContain("no command named '/bin/sh'");
        await forbidden.ReadProblemAsync(403);
    }

    [Fact]
    public async Task ApproveExecution_Answers422ToTheRequester_200ToASecondApprover_And409Afterwards()
    {
        var second = await TestUsers.CreateAsync(app.Services, Roles.Admin);
        using var requester = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        using var approver = await ApiClient.ForAsync(app, second.Email!);
        var created = await (await requester.PostJsonAsync("/api/v1/executions", new { command = "needs-approval", arguments = Array.Empty<string>() })).ReadJsonAsync();
        var id = created.GetProperty("id").GetInt64();
        created.GetProperty("status").GetString().ShouldBe("AwaitingApproval");

        var own = await requester.PostAsync($"/api/v1/executions/{id}/approve", null, TestContext.Current.CancellationToken);
        var approved = await approver.PostAsync($"/api/v1/executions/{id}/approve", null, TestContext.Current.CancellationToken);
        var again = await approver.PostAsync($"/api/v1/executions/{id}/approve", null, TestContext.Current.CancellationToken);

        (await own.ReadProblemAsync(422)).GetProperty("detail").GetString()!.ShouldContain("someone else");
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await approved.ReadJsonAsync()).GetProperty("approvedBy").GetString().ShouldBe(second.Email);
        (await again.ReadProblemAsync(409)).GetProperty("detail").GetString()!.ShouldContain($"Run {id} cannot be approved");
    }

    [Fact]
    public async Task CancelExecution_EndsAQueuedRun_And409sOnceItEnded()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        var id = (await (await client.PostJsonAsync("/api/v1/executions", new { command = "needs-approval", arguments = Array.Empty<string>() })).ReadJsonAsync()).GetProperty("id").GetInt64();

        var cancelled = await client.PostAsync($"/api/v1/executions/{id}/cancel", null, TestContext.Current.CancellationToken);
        var again = await client.PostAsync($"/api/v1/executions/{id}/cancel", null, TestContext.Current.CancellationToken);

        var run = await cancelled.ReadJsonAsync();
        run.GetProperty("status").GetString().ShouldBe("Cancelled");
        run.GetProperty("message").GetString()!.ShouldContain("before it started");
        (await again.ReadProblemAsync(409)).GetProperty("executionStatus").GetString().ShouldBe("Cancelled");
    }

    [Fact]
    public async Task ListExecutions_FiltersTheQueueAndTheHistory_AndRefusesAnUnknownStatus()
    {
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var id = (await (await admin.PostJsonAsync("/api/v1/executions", new { command = "needs-approval", arguments = Array.Empty<string>() })).ReadJsonAsync()).GetProperty("id").GetInt64();

        var queue = await (await developer.GetAsync("/api/v1/executions?scope=queue&command=needs-approval&pageSize=200", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var history = await (await developer.GetAsync("/api/v1/executions?scope=history&pageSize=200", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var bad = await developer.GetAsync("/api/v1/executions?status=Exploded", TestContext.Current.CancellationToken);

        queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ShouldContain(id);
        queue.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("status").GetString() == "AwaitingApproval" || i.GetProperty("status").GetString() == "Queued" || i.GetProperty("status").GetString() == "Running");
        history.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ShouldNotContain(id);
        (await bad.ReadProblemAsync(400)).FieldErrors("status").ShouldHaveSingleItem().ShouldContain("AwaitingApproval");
        await admin.PostAsync($"/api/v1/executions/{id}/cancel", null, TestContext.Current.CancellationToken);
    }
}
