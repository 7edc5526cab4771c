using Inbox.Contracts.Errors;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Organisations;
using Inbox.Contracts.Security;
using Inbox.Contracts.Users;
using Inbox.Grains.Users;

namespace Inbox.Grains.Tests.Users;

[Collection(GrainCluster.Name)]
public sealed class UserGrainTests(GrainClusterFixture fixture)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_created_user_signs_in_with_their_password_after_reactivation()
    {
        var (user, email) = await NewUserAsync();
        await fixture.DeactivateAsync(user);

        var answer = await user.SignInAsync(Password);
        Assert.Equal(SignInOutcome.SignedIn, answer.Outcome);
        Assert.Equal(("Alex", email, UserRole.Supervisor, UserStatus.Active), (answer.User!.Name, answer.User.Email, answer.User.Role, answer.User.Status));
        Assert.Equal(SignInOutcome.WrongCredentials, (await user.SignInAsync("Correct horse battery")).Outcome);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_user_out_for_five_minutes_even_with_the_right_one()
    {
        var (user, _) = await NewUserAsync();
        for (var i = 1; i < UserPasswords.MaxFailedAttempts; i++)
        {
            Assert.Equal(SignInOutcome.WrongCredentials, (await user.SignInAsync("wrong")).Outcome);
        }

        var locked = await user.SignInAsync("wrong");
        Assert.Equal(SignInOutcome.LockedOut, locked.Outcome);
        Assert.NotNull(locked.LockedUntil);

        await fixture.DeactivateAsync(user);
        Assert.Equal(SignInOutcome.LockedOut, (await user.SignInAsync(Password)).Outcome);

        fixture.Time.Advance(UserPasswords.LockoutDuration);
        Assert.Equal(SignInOutcome.SignedIn, (await user.SignInAsync(Password)).Outcome);

        // The right password reset the count: four more wrong ones do not lock.
        for (var i = 1; i < UserPasswords.MaxFailedAttempts; i++)
        {
            Assert.Equal(SignInOutcome.WrongCredentials, (await user.SignInAsync("wrong")).Outcome);
        }
    }

    [Fact]
    public async Task An_email_belongs_to_one_user_across_organisations_and_finds_them()
    {
        var (user, email) = await NewUserAsync();
        var otherOrganisation = await NewOrganisationAsync();
        var other = fixture.Inside.GetGrain<IUserGrain>(GrainKeys.Compose(otherOrganisation, "u_1"));
        await Assert.ThrowsAsync<ConflictException>(() => other.CreateAsync(new NewUser("Eve", email.ToUpperInvariant(), UserRole.Admin, "another password", [], [])));
        Assert.Null(await other.GetAsync());

        Assert.Equal(user.GetPrimaryKeyString(), await fixture.Inside.GetGrain<IUserHandleGrain>(UserHandles.Email($"  {email} ")).GetUserKeyAsync());
    }

    [Theory]
    [InlineData("", "a@b.test", "long enough")]
    [InlineData("Alex", "not an email", "long enough")]
    [InlineData("Alex", "a@b.test", "short")]
    public async Task A_user_without_a_name_a_valid_email_or_an_eight_character_password_is_refused(string name, string email, string password)
    {
        var user = fixture.Inside.GetGrain<IUserGrain>(GrainKeys.Compose(await NewOrganisationAsync(), "u_1"));
        await Assert.ThrowsAsync<ArgumentException>(() => user.CreateAsync(new NewUser(name, email, UserRole.Agent, password, [], [])));
        Assert.Null(await user.GetAsync());
    }

    [Fact]
    public async Task An_invited_user_signs_in_only_after_accepting_with_the_token_and_a_token_works_once()
    {
        var organisationId = await NewOrganisationAsync();
        var user = fixture.Inside.GetGrain<IUserGrain>(GrainKeys.Compose(organisationId, GrainKeys.NewId("u")));
        var email = $"{Guid.NewGuid():N}@acme.test";
        var invitation = await user.InviteAsync(new UserInvite("Ines", email, UserRole.Agent, ["tier2"], ["web"]));
        Assert.Equal((UserStatus.Invited, "tier2", "web"), (invitation.User.Status, invitation.User.Teams.Single(), invitation.User.Channels.Single()));
        Assert.Equal(SignInOutcome.WrongCredentials, (await user.SignInAsync("")).Outcome);

        // The handle is the token's hash, and it leads to the user; a wrong token is refused.
        Assert.Equal(user.GetPrimaryKeyString(), await fixture.Inside.GetGrain<IUserHandleGrain>(UserHandles.Invitation(invitation.Token)).GetUserKeyAsync());
        await Assert.ThrowsAsync<InvitationNotFoundException>(() => user.AcceptInvitationAsync(invitation.Token + "x", Password));

        var accepted = await user.AcceptInvitationAsync(invitation.Token, Password);
        Assert.Equal(UserStatus.Active, accepted.Status);
        Assert.Equal(SignInOutcome.SignedIn, (await user.SignInAsync(Password)).Outcome);
        await Assert.ThrowsAsync<InvitationNotFoundException>(() => user.AcceptInvitationAsync(invitation.Token, "another password"));
        Assert.Null(await fixture.Inside.GetGrain<IUserHandleGrain>(UserHandles.Invitation(invitation.Token)).GetUserKeyAsync());
    }

    [Fact]
    public async Task An_invitation_expires_after_seven_days_and_a_new_one_replaces_it()
    {
        var organisationId = await NewOrganisationAsync();
        var user = fixture.Inside.GetGrain<IUserGrain>(GrainKeys.Compose(organisationId, GrainKeys.NewId("u")));
        var first = await user.InviteAsync(new UserInvite("Ines", $"{Guid.NewGuid():N}@acme.test", UserRole.Agent, [], []));
        fixture.Time.Advance(UserGrain.InvitationLifetime);
        await Assert.ThrowsAsync<InvitationNotFoundException>(() => user.AcceptInvitationAsync(first.Token, Password));

        var second = await user.ReinviteAsync();
        await Assert.ThrowsAsync<InvitationNotFoundException>(() => user.AcceptInvitationAsync(first.Token, Password));
        Assert.Equal(UserStatus.Active, (await user.AcceptInvitationAsync(second.Token, Password)).Status);
    }

    [Fact]
    public async Task Teams_and_channels_must_exist_in_the_organisation()
    {
        var (user, _) = await NewUserAsync();
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => user.UpdateAsync(new UserChange(null, null, ["tier2", "ghosts"], ["nowhere"])));
        Assert.Contains("ghosts", refused.Message, StringComparison.Ordinal);

        var changed = await user.UpdateAsync(new UserChange("Alexandra", UserRole.Agent, ["tier2"], ["web"]));
        Assert.Equal(("Alexandra", UserRole.Agent, "tier2", "web"), (changed.Name, changed.Role, changed.Teams.Single(), changed.Channels.Single()));
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_and_a_reactivated_one_has_a_new_session_version()
    {
        var (user, _) = await NewUserAsync();
        var before = (await user.GetAsync())!.SessionVersion;
        Assert.Equal(UserStatus.Deactivated, (await user.DeactivateAsync()).Status);
        Assert.Equal(SignInOutcome.Deactivated, (await user.SignInAsync(Password)).Outcome);
        Assert.Equal(SignInOutcome.WrongCredentials, (await user.SignInAsync("wrong password")).Outcome);

        var reactivated = await user.ReactivateAsync();
        Assert.Equal(UserStatus.Active, reactivated.Status);
        Assert.NotEqual(before, reactivated.SessionVersion);
        Assert.Equal(SignInOutcome.SignedIn, (await user.SignInAsync(Password)).Outcome);
    }

    [Fact]
    public async Task A_signed_out_session_is_refused_until_it_would_have_expired_and_signing_out_everywhere_ends_all()
    {
        var (user, _) = await NewUserAsync();
        var version = (await user.GetAsync())!.SessionVersion;
        Assert.NotNull(await user.CheckSessionAsync("laptop", version));

        await user.EndSessionAsync("laptop", fixture.Time.GetUtcNow() + TimeSpan.FromHours(1));
        await fixture.DeactivateAsync(user);
        Assert.Null(await user.CheckSessionAsync("laptop", version));
        Assert.NotNull(await user.CheckSessionAsync("phone", version));

        fixture.Time.Advance(TimeSpan.FromHours(1));
        Assert.NotNull(await user.CheckSessionAsync("laptop", version));

        await user.EndAllSessionsAsync();
        Assert.Null(await user.CheckSessionAsync("phone", version));
        Assert.NotNull(await user.CheckSessionAsync("phone", (await user.GetAsync())!.SessionVersion));
    }

    [Fact]
    public async Task A_password_reset_link_sets_a_new_password_ends_old_sessions_and_clears_a_lockout()
    {
        var (user, _) = await NewUserAsync();
        var version = (await user.GetAsync())!.SessionVersion;
        for (var i = 0; i < UserPasswords.MaxFailedAttempts; i++)
        {
            await user.SignInAsync("wrong");
        }

        var reset = await user.ReinviteAsync();
        Assert.Equal(UserStatus.Active, reset.User.Status);
        Assert.Equal(UserStatus.Active, (await user.AcceptInvitationAsync(reset.Token, "a brand new password")).Status);
        Assert.Null(await user.CheckSessionAsync("laptop", version));
        Assert.Equal(SignInOutcome.SignedIn, (await user.SignInAsync("a brand new password")).Outcome);
        Assert.Equal(SignInOutcome.WrongCredentials, (await user.SignInAsync(Password)).Outcome);
        await Assert.ThrowsAsync<InvitationNotFoundException>(() => user.AcceptInvitationAsync(reset.Token, "yet another password"));

        await user.DeactivateAsync();
        await Assert.ThrowsAsync<ConflictException>(() => user.ReinviteAsync());
    }

    [Fact]
    public async Task Changing_ones_password_needs_the_current_one_and_wrong_ones_count_towards_lockout()
    {
        var (user, _) = await NewUserAsync();
        var version = (await user.GetAsync())!.SessionVersion;
        await Assert.ThrowsAsync<ArgumentException>(() => user.ChangePasswordAsync("wrong", "a brand new password"));
        await Assert.ThrowsAsync<ArgumentException>(() => user.ChangePasswordAsync(Password, "short"));

        var changed = await user.ChangePasswordAsync(Password, "a brand new password");
        Assert.NotEqual(version, changed.SessionVersion);
        Assert.Equal(SignInOutcome.SignedIn, (await user.SignInAsync("a brand new password")).Outcome);

        for (var i = 1; i < UserPasswords.MaxFailedAttempts; i++)
        {
            await Assert.ThrowsAsync<ArgumentException>(() => user.ChangePasswordAsync("wrong", "whatever password"));
        }

        await Assert.ThrowsAsync<ConflictException>(() => user.ChangePasswordAsync("wrong", "whatever password"));
        await Assert.ThrowsAsync<ConflictException>(() => user.ChangePasswordAsync("a brand new password", "whatever password"));
        Assert.Equal(SignInOutcome.LockedOut, (await user.SignInAsync("a brand new password")).Outcome);
    }

    [Fact]
    public async Task An_admin_cannot_demote_or_deactivate_themself()
    {
        var (user, _) = await NewUserAsync(UserRole.Admin);
        var profile = (await user.GetAsync())!;
        CallerContext.Set(Caller.User(profile.OrganisationId, profile.UserId, profile.Name, UserRole.Admin, [], [], null));
        var admin = fixture.Grains.GetGrain<IUserGrain>(user.GetPrimaryKeyString());

        await Assert.ThrowsAsync<ConflictException>(() => admin.UpdateAsync(new UserChange(null, UserRole.Agent, null, null)));
        await Assert.ThrowsAsync<ConflictException>(() => admin.DeactivateAsync());
        Assert.Equal("Ada", (await admin.UpdateAsync(new UserChange("Ada", null, null, null))).Name);
        Assert.Equal((UserRole.Admin, UserStatus.Active), ((await admin.GetAsync())!.Role, (await admin.GetAsync())!.Status));
    }

    [Fact]
    public async Task The_directory_lists_the_organisations_users_as_they_change()
    {
        var organisationId = await NewOrganisationAsync();
        var zoe = fixture.Inside.GetGrain<IUserGrain>(GrainKeys.Compose(organisationId, "u_zoe"));
        var bob = fixture.Inside.GetGrain<IUserGrain>(GrainKeys.Compose(organisationId, "u_bob"));
        await zoe.CreateAsync(new NewUser("Zoe", $"{Guid.NewGuid():N}@acme.test", UserRole.Agent, Password, [], []));
        await bob.InviteAsync(new UserInvite("Bob", $"{Guid.NewGuid():N}@acme.test", UserRole.Supervisor, ["tier2"], ["web"]));
        await zoe.DeactivateAsync();

        var users = await fixture.Inside.GetGrain<IUserDirectoryGrain>(organisationId).ListAsync();
        Assert.Equal(
            [("u_bob", UserStatus.Invited, "tier2"), ("u_zoe", UserStatus.Deactivated, "")],
            users.Select(u => (u.UserId, u.Status, string.Join(",", u.Teams))));
    }

    private async Task<string> NewOrganisationAsync()
    {
        var organisationId = GrainKeys.NewId("org");
        await fixture.Inside.GetGrain<IOrganisationGrain>(organisationId).EnsureAsync("Acme");
        await fixture.Inside.GetGrain<IOrganisationGrain>(organisationId).SaveTeamAsync("tier2", "Tier 2");
        await fixture.Inside.GetGrain<IOrganisationGrain>(organisationId).AddChannelAsync("web");
        return organisationId;
    }

    private async Task<(IUserGrain User, string Email)> NewUserAsync(UserRole role = UserRole.Supervisor)
    {
        var email = $"{Guid.NewGuid():N}@acme.test";
        var user = fixture.Inside.GetGrain<IUserGrain>(GrainKeys.Compose(await NewOrganisationAsync(), GrainKeys.NewId("u")));
        await user.CreateAsync(new NewUser("Alex", email, role, Password, [], []));
        return (user, email);
    }
}
