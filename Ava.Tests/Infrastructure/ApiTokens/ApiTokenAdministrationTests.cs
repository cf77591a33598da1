using System.Security.Claims;
using Ava.Domain.ApiTokens;
using Ava.Domain.Security;
using Ava.Infrastructure.ApiTokens;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Security;
using Ava.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace Ava.Tests.Infrastructure.ApiTokens;

/// <summary>Revoking all of a user's tokens (after a password change, or by an administrator) and listing anyone's for manage_users.</summary>
public sealed class ApiTokenAdministrationTests : IAsyncLifetime
{
    private ServiceDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await ServiceDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task RevokeAllAsync_RevokesEveryActiveTokenOfTheCaller_EachAudited_AndLeavesOtherUsersTokens()
    {
        var owner = await UserAsync(Roles.Developer);
        var other = await UserAsync(Roles.Developer);
        await CreateAsync(owner, "first");
        var second = await CreateAsync(owner, "second");
        await _db.AsAsync<ApiTokenService, ApiTokenSummary>(owner, s => s.RevokeAsync(second.Token.Id));
        await CreateAsync(owner, "third");
        var others = await CreateAsync(other, "someone else's");

        var revoked = await _db.AsAsync<ApiTokenService, int>(owner, s => s.RevokeAllAsync(owner.FindFirstValue(ClaimTypes.NameIdentifier)!));

        revoked.ShouldBe(2);
        (await _db.AsAsync<ApiTokenService, IReadOnlyList<ApiTokenSummary>>(owner, s => s.ListOwnAsync())).ShouldAllBe(t => t.Status == ApiTokenStatus.Revoked);
        (await _db.AsAsync<ApiTokenService, ApiTokenVerification>(other, s => s.VerifyAsync(others.Secret))).IsValid.ShouldBeTrue();
        await using var db = _db.NewContext();
        (await db.AuditEvents.CountAsync(e => e.Action == ApiTokenAuditActions.Revoked)).ShouldBe(3);
    }

    [Fact]
    public async Task ListForUserAndRevokeAll_OfAnotherUser_NeedManageUsers()
    {
        var owner = await UserAsync(Roles.Developer);
        var developer = await UserAsync(Roles.Developer);
        var admin = await UserAsync(Roles.Admin);
        var token = await CreateAsync(owner, "cli");
        var ownerId = owner.FindFirstValue(ClaimTypes.NameIdentifier)!;

        await Should.ThrowAsync<PermissionDeniedException>(() => _db.AsAsync<ApiTokenService, IReadOnlyList<ApiTokenSummary>>(developer, s => s.ListForUserAsync(ownerId)));
        await Should.ThrowAsync<PermissionDeniedException>(() => _db.AsAsync<ApiTokenService, int>(developer, s => s.RevokeAllAsync(ownerId)));

        (await _db.AsAsync<ApiTokenService, IReadOnlyList<ApiTokenSummary>>(admin, s => s.ListForUserAsync(ownerId))).ShouldHaveSingleItem().Id.ShouldBe(token.Token.Id);
        (await _db.AsAsync<ApiTokenService, int>(admin, s => s.RevokeAllAsync(ownerId))).ShouldBe(1);
        (await _db.AsAsync<ApiTokenService, ApiTokenVerification>(owner, s => s.VerifyAsync(token.Secret))).Refusal.ShouldBe(ApiTokenRefusal.Revoked);
    }

    [Fact]
    public async Task CreateAsync_RefusesAnotherToken_OnceTheUserHoldsTheMostActiveOnes_AndAllowsItAfterARevocation()
    {
        var owner = await UserAsync(Roles.Developer);
        var held = new List<CreatedApiToken>();
        for (var i = 0; i < 10; i++)
        {
            held.Add(await CreateAsync(owner, $"token {i}"));
        }

        var refusal = await Should.ThrowAsync<InvalidValuesException>(() => CreateAsync(owner, "eleventh"));
        refusal.Errors["Name"].ShouldHaveSingleItem().ShouldContain("10 active tokens");

        await _db.AsAsync<ApiTokenService, ApiTokenSummary>(owner, s => s.RevokeAsync(held[0].Token.Id));
        (await CreateAsync(owner, "eleventh")).Token.Name.ShouldBe("eleventh");
    }

    private Task<CreatedApiToken> CreateAsync(ClaimsPrincipal user, string name) =>
        _db.AsAsync<ApiTokenService, CreatedApiToken>(user, s => s.CreateAsync(new NewApiToken(name, 30)));

    private async Task<ClaimsPrincipal> UserAsync(string role)
    {
        var user = await TestUsers.CreateAsync(_db.Services, role);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.Email!), new Claim(ClaimTypes.Role, role)],
            "Test"));
    }
}
