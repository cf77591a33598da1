using System.Security.Claims;
using Ava.Domain.ApiTokens;
using Ava.Domain.Common;
using Ava.Domain.Security;
using Ava.Infrastructure.ApiTokens;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Identity;
using Ava.Infrastructure.Security;
using Ava.Tests.TestData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.ApiTokens;

public sealed class ApiTokenServiceTests : IAsyncLifetime
{
    private ServiceDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await ServiceDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task CreateAsync_ReturnsTheSecretOnce_AndStoresOnlyItsHash()
    {
        _db.User = await UserAsync(Roles.Developer);

        var created = await Service(s => s.CreateAsync(new NewApiToken("  ci pipeline  ", 30)));

        created.Secret.ShouldMatch("^ava_pat_[0-9A-Za-z]{40}$");
        created.Token.Name.ShouldBe("ci pipeline");
        created.Token.Prefix.ShouldBe(created.Secret[..14]);
        created.Token.Status.ShouldBe(ApiTokenStatus.Active);
        created.Token.ExpiresAt.ShouldNotBeNull().ShouldBe(created.Token.CreatedAt.AddDays(30));
        await using var context = _db.NewContext();
        var stored = await context.ApiTokens.SingleAsync(t => t.Id == created.Token.Id);
        stored.SecretHash.ShouldBe(ApiTokenSecret.HashOf(created.Secret));
        new[] { stored.Name, stored.Prefix, stored.SecretHash, stored.OwnerId }.ShouldNotContain(created.Secret);
    }

    [Fact]
    public async Task CreateAsync_AuditsTheCreationWithThePrefix_NeverTheSecret()
    {
        _db.User = await UserAsync(Roles.Viewer);

        var created = await Service(s => s.CreateAsync(new NewApiToken("reporting", 30)));

        await using var context = _db.NewContext();
        var audit = await context.AuditEvents.SingleAsync(e => e.Action == ApiTokenAuditActions.Created);
        audit.Resource.ShouldBe($"api_token/{created.Token.Id}");
        audit.UserName.ShouldBe(_db.User.Identity!.Name);
        audit.Metadata.ShouldNotBeNull().ShouldContain(created.Token.Prefix);
        audit.Metadata.ShouldNotContain(created.Secret);
    }

    [Theory]
    [InlineData("", null, "Name", "Name is required.")]
    [InlineData("ok", 0, "ExpiresInDays", "Expiry must be from 1 to 365 days.")]
    [InlineData("ok", 366, "ExpiresInDays", "Expiry must be from 1 to 365 days.")]
    public async Task CreateAsync_RefusesWithTheRuleMessage_WhenValuesBreakARule(string name, int? days, string field, string message)
    {
        _db.User = await UserAsync(Roles.Developer);

        var refusal = await Should.ThrowAsync<InvalidValuesException>(() => Service(s => s.CreateAsync(new NewApiToken(name, days))));

        refusal.Errors[field].ShouldBe([message]);
    }

    [Fact]
    public async Task CreateAsync_RefusesANameLongerThanTheLimit()
    {
        _db.User = await UserAsync(Roles.Developer);

        var refusal = await Should.ThrowAsync<InvalidValuesException>(() => Service(s => s.CreateAsync(new NewApiToken(new string('x', 101), 30))));

        refusal.Errors["Name"].ShouldBe(["Name must be at most 100 characters; it has 101."]);
    }

    [Fact]
    public async Task CreateAsync_IsRefused_WithoutASignedInCaller()
    {
        _db.User = new ClaimsPrincipal(new ClaimsIdentity());

        await Should.ThrowAsync<PermissionDeniedException>(() => Service(s => s.CreateAsync(new NewApiToken("nobody", 30))));
    }

    [Fact]
    public async Task ListOwnAsync_ShowsOnlyTheCallersTokens_NewestFirst()
    {
        var other = await UserAsync(Roles.Developer);
        _db.User = other;
        await Service(s => s.CreateAsync(new NewApiToken("someone else's", 30)));
        _db.User = await UserAsync(Roles.Developer);
        await Service(s => s.CreateAsync(new NewApiToken("first", 30)));
        var second = await Service(s => s.CreateAsync(new NewApiToken("second", 30)));
        await Service(s => s.RevokeAsync(second.Token.Id));

        var tokens = await Service(s => s.ListOwnAsync());

        tokens.Select(t => t.Name).ShouldBe(["second", "first"]);
        tokens[0].Status.ShouldBe(ApiTokenStatus.Revoked);
        tokens[0].RevokedBy.ShouldBe(_db.User.Identity!.Name);
        tokens[1].Status.ShouldBe(ApiTokenStatus.Active);
    }

    [Fact]
    public async Task VerifyAsync_AcceptsAFreshToken_AndNamesItsOwner()
    {
        _db.User = await UserAsync(Roles.Developer);
        var created = await Service(s => s.CreateAsync(new NewApiToken("cli", 30)));

        var verification = await Service(s => s.VerifyAsync(created.Secret));

        verification.IsValid.ShouldBeTrue();
        verification.TokenId.ShouldBe(created.Token.Id);
        verification.User.ShouldNotBeNull().Id.ShouldBe(_db.User.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    [Theory]
    [InlineData("", ApiTokenRefusal.Malformed)]
    [InlineData("Bearer something", ApiTokenRefusal.Malformed)]
    [InlineData("ava_pat_0000000000000000000000000000000000000000", ApiTokenRefusal.Unknown)]
    [InlineData("ava_pat_00000000000000000000000000000000000000!!", ApiTokenRefusal.Malformed)]
    public async Task VerifyAsync_Refuses_WhenTheTokenIsNotOneOfOurs(string presented, ApiTokenRefusal refusal)
    {
        var verification = await Service(s => s.VerifyAsync(presented));

        verification.IsValid.ShouldBeFalse();
        verification.Refusal.ShouldBe(refusal);
    }

    [Fact]
    public async Task VerifyAsync_Refuses_OnceTheTokenIsRevoked()
    {
        _db.User = await UserAsync(Roles.Developer);
        var created = await Service(s => s.CreateAsync(new NewApiToken("cli", 30)));
        await Service(s => s.RevokeAsync(created.Token.Id));

        (await Service(s => s.VerifyAsync(created.Secret))).Refusal.ShouldBe(ApiTokenRefusal.Revoked);
    }

    [Fact]
    public async Task VerifyAsync_Refuses_OnceTheTokenHasExpired()
    {
        _db.User = await UserAsync(Roles.Developer);
        var created = await Service(s => s.CreateAsync(new NewApiToken("short-lived", 1)));
        await using (var context = _db.NewContext())
        {
            await context.ApiTokens.Where(t => t.Id == created.Token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        (await Service(s => s.VerifyAsync(created.Secret))).Refusal.ShouldBe(ApiTokenRefusal.Expired);
    }

    [Fact]
    public async Task VerifyAsync_KeepsAccepting_WhileTheOwnerIsLockedOutOfSignInForFailedPasswords_ButRefusesOnceAnAdministratorLocksThem()
    {
        _db.User = await UserAsync(Roles.Developer);
        var created = await Service(s => s.CreateAsync(new NewApiToken("cli", 30)));
        await using (var scope = _db.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
            var owner = (await users.FindByIdAsync(_db.User.FindFirstValue(ClaimTypes.NameIdentifier)!)).ShouldNotBeNull();
            for (var attempt = 0; attempt < 5; attempt++)
            {
                await users.AccessFailedAsync(owner);
            }

            (await users.IsLockedOutAsync(owner)).ShouldBeTrue();
        }

        (await Service(s => s.VerifyAsync(created.Secret))).IsValid.ShouldBeTrue();

        await using (var scope = _db.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
            var owner = (await users.FindByIdAsync(_db.User.FindFirstValue(ClaimTypes.NameIdentifier)!)).ShouldNotBeNull();
            (await users.SetLockoutEndDateAsync(owner, AccountLocks.AdministratorLockEnd)).Succeeded.ShouldBeTrue();
        }

        (await Service(s => s.VerifyAsync(created.Secret))).Refusal.ShouldBe(ApiTokenRefusal.UserLockedOut);
    }

    [Fact]
    public async Task CreateAsync_RefusesATokenThatNeverExpires_UnlessTheAdministratorAllowsIt()
    {
        _db.User = await UserAsync(Roles.Developer);

        var refusal = await Should.ThrowAsync<InvalidValuesException>(() => Service(s => s.CreateAsync(new NewApiToken("forever", null))));

        refusal.Errors["ExpiresInDays"].ShouldHaveSingleItem().ShouldContain("switched off by the administrator");
        await using var allowing = await ServiceDatabase.CreateAsync(settings: new Dictionary<string, string?> { ["ApiTokens:AllowNoExpiry"] = "true" });
        var user = await TestUsers.CreateAsync(allowing.Services, Roles.Developer);
        var created = await allowing.AsAsync<ApiTokenService, CreatedApiToken>(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.Email!)], "Test")),
            s => s.CreateAsync(new NewApiToken("forever", null)));
        created.Token.ExpiresAt.ShouldBeNull();
    }

    [Fact]
    public async Task VerifyAsync_RecordsTheLastUse_AtMostOncePerMinute()
    {
        _db.User = await UserAsync(Roles.Developer);
        var created = await Service(s => s.CreateAsync(new NewApiToken("cli", 30)));
        var recent = DateTimeOffset.UtcNow.AddSeconds(-30);
        var stale = DateTimeOffset.UtcNow.AddMinutes(-2);

        await SetLastUsedAsync(created.Token.Id, recent);
        await Service(s => s.VerifyAsync(created.Secret));
        (await LastUsedAsync(created.Token.Id)).ShouldBe(recent);

        await SetLastUsedAsync(created.Token.Id, stale);
        await Service(s => s.VerifyAsync(created.Secret));
        (await LastUsedAsync(created.Token.Id)).ShouldNotBeNull().ShouldBeGreaterThan(recent);
    }

    [Fact]
    public async Task RevokeAsync_IsRefusedAndRecordedAsAViolation_ForAnotherUsersTokenWithoutManageUsers()
    {
        _db.User = await UserAsync(Roles.Developer);
        var created = await Service(s => s.CreateAsync(new NewApiToken("mine", 30)));
        _db.User = await UserAsync(Roles.Developer);

        await Should.ThrowAsync<PermissionDeniedException>(() => Service(s => s.RevokeAsync(created.Token.Id)));

        (await Service(s => s.VerifyAsync(created.Secret))).IsValid.ShouldBeTrue();
        await using var context = _db.NewContext();
        (await context.AuditEvents.CountAsync(e => e.Action == SecurityAuditActions.Violation && e.UserName == _db.User.Identity!.Name)).ShouldBe(1);
    }

    [Fact]
    public async Task RevokeAsync_RevokesAnyonesToken_ForManageUsers_AndAuditsIt()
    {
        _db.User = await UserAsync(Roles.Developer);
        var created = await Service(s => s.CreateAsync(new NewApiToken("leaked", 30)));
        _db.User = await UserAsync(Roles.Admin);

        var revoked = await Service(s => s.RevokeAsync(created.Token.Id));

        revoked.Status.ShouldBe(ApiTokenStatus.Revoked);
        revoked.RevokedBy.ShouldBe(_db.User.Identity!.Name);
        await using var context = _db.NewContext();
        var audit = await context.AuditEvents.SingleAsync(e => e.Action == ApiTokenAuditActions.Revoked);
        audit.Resource.ShouldBe($"api_token/{created.Token.Id}");
        audit.UserName.ShouldBe(_db.User.Identity!.Name);
    }

    [Fact]
    public async Task RevokeAsync_Refuses_WhenTheTokenWasAlreadyRevokedOrDoesNotExist()
    {
        _db.User = await UserAsync(Roles.Developer);
        var created = await Service(s => s.CreateAsync(new NewApiToken("cli", 30)));
        await Service(s => s.RevokeAsync(created.Token.Id));

        (await Should.ThrowAsync<DomainException>(() => Service(s => s.RevokeAsync(created.Token.Id)))).Message.ShouldContain("already revoked");
        await Should.ThrowAsync<NotFoundException>(() => Service(s => s.RevokeAsync(created.Token.Id + 1000)));
    }

    private async Task<T> Service<T>(Func<ApiTokenService, Task<T>> call)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        return await call(_db.Get<ApiTokenService>(scope));
    }

    /// <summary>A real user (tokens belong to one) and the principal the services see for them.</summary>
    private async Task<ClaimsPrincipal> UserAsync(string role)
    {
        var user = await TestUsers.CreateAsync(_db.Services, role);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.Email!), new Claim(ClaimTypes.Role, role)],
            "Test"));
    }

    private async Task SetLastUsedAsync(long id, DateTimeOffset at)
    {
        await using var context = _db.NewContext();
        await context.ApiTokens.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, at));
    }

    private async Task<DateTimeOffset?> LastUsedAsync(long id)
    {
        await using var context = _db.NewContext();
        return await context.ApiTokens.Where(t => t.Id == id).Select(t => t.LastUsedAt).SingleAsync();
    }
}
