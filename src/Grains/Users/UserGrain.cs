using Inbox.Contracts.Grains;
using System.Buffers.Text;
using System.Security.Cryptography;
using Inbox.Contracts.Agents;
using Inbox.Contracts.Audit;
using Inbox.Contracts.Errors;
using Inbox.Contracts.Events;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Organisations;
using Inbox.Contracts.Security;
using Inbox.Contracts.Users;
using Inbox.Grains.Audit;
using Inbox.Grains.Storage;
using Microsoft.AspNetCore.Identity;

namespace Inbox.Grains.Users;

/// <summary>
/// One user. The password is hashed here with ASP.NET Core Identity's hasher (PBKDF2, versioned format, rehashed when
/// the format moves on) and the hash never leaves the grain. Lockout is counted here too, so it holds whichever
/// gateway the attempts come through. Every change rewrites the user's row in the <see cref="UserDirectory"/>.
/// </summary>
public sealed class UserGrain(
    [PersistentState(stateName: "user", storageName: GrainStorage.Name)] IPersistentState<UserState> state,
    IPasswordHasher<UserState> hasher,
    UserDirectory directory,
    AuditTrail audit,
    TimeProvider time) : Grain, IUserGrain
{
    internal static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    private readonly UserPasswords _passwords = new(hasher, time);

    private OrganisationScoped Key => OrganisationScoped.Parse(this.GetPrimaryKeyString());

    public async Task<UserProfile> CreateAsync(NewUser user)
    {
        if (state.RecordExists)
        {
            // Users seeded before sign-in handles existed claim theirs here; a no-op afterwards.
            await GrainFactory.Get<IUserHandleGrain>(UserHandles.Email(state.State.Email)).ClaimAsync(this.GetPrimaryKeyString());
            return Profile();
        }

        var name = UserRules.ValidName(user.Name);
        UserRules.ValidatePassword(user.Password);
        var created = await NewStateAsync(name, user.Email, user.Role, user.Teams, user.Channels);
        _passwords.Set(created, user.Password);
        created.Status = UserStatus.Active;
        return await SaveAsync(created, AuditActions.UserCreated, before: null);
    }

    public async Task<Invitation> InviteAsync(UserInvite invite)
    {
        if (state.RecordExists)
        {
            throw new ConflictException($"There is already a user '{Key.Id}'.");
        }

        var invited = await NewStateAsync(UserRules.ValidName(invite.Name), invite.Email, invite.Role, invite.Teams, invite.Channels);
        invited.Status = UserStatus.Invited;
        state.State = invited;
        return await IssueInvitationAsync(AuditActions.UserInvited, before: null);
    }

    public async Task<Invitation> ReinviteAsync()
    {
        EnsureExists();
        return state.State.Status switch
        {
            UserStatus.Invited => await IssueInvitationAsync(AuditActions.InvitationRenewed, Profile()),
            UserStatus.Active => await IssueInvitationAsync(AuditActions.PasswordResetIssued, Profile()),
            _ => throw new ConflictException("A deactivated user gets no link: reactivate them first."),
        };
    }

    public async Task<UserProfile> AcceptInvitationAsync(string token, string password)
    {
        var user = state.State;
        if (!state.RecordExists || user.Status == UserStatus.Deactivated || user.InvitationHandle != UserHandles.Invitation(token)
            || user.InvitationExpiresAt <= time.GetUtcNow())
        {
            throw new InvitationNotFoundException();
        }

        UserRules.ValidatePassword(password);
        var before = Profile();
        var resetting = user.Status == UserStatus.Active;
        await ReleaseInvitationAsync();
        _passwords.Set(user, password);
        user.Status = UserStatus.Active;
        if (resetting)
        {
            // A reset suggests the old password is known to someone else: every session made with it ends.
            UserSessions.EndAll(user);
        }

        var saved = await SaveAsync(user, resetting ? AuditActions.PasswordReset : AuditActions.InvitationAccepted, before, Self());
        if (resetting)
        {
            EndSessions();
        }

        return saved;
    }

    public async Task<UserProfile> ChangePasswordAsync(string currentPassword, string newPassword)
    {
        EnsureExists();
        var user = state.State;
        if (user.Status != UserStatus.Active)
        {
            throw new ConflictException("Only an active user can change their password.");
        }

        // Wrong current passwords count towards lockout, so a stolen session cannot be used to guess the password.
        UserRules.ValidatePassword(newPassword);
        var (verdict, changed) = _passwords.Check(user, currentPassword);
        if (changed && verdict != UserPasswords.Verdict.Right)
        {
            await state.WriteStateAsync();
        }

        switch (verdict)
        {
            case UserPasswords.Verdict.LockedOut:
                throw new ConflictException("Too many wrong passwords: try again in a few minutes.");
            case UserPasswords.Verdict.Wrong:
                throw new ArgumentException("The current password is wrong.", nameof(currentPassword));
        }

        _passwords.Set(user, newPassword);
        UserSessions.EndAll(user);
        await state.WriteStateAsync();
        await audit.RecordAsync(Key.OrganisationId, AuditActions.PasswordChanged, AuditSubjects.User, Key.Id, actor: Self());
        EndSessions();
        return Profile();
    }

    public Task<UserProfile?> GetAsync() => Task.FromResult(state.RecordExists ? Profile() : null);

    public Task<UserProfile?> CheckSessionAsync(string sessionId, int sessionVersion) => Task.FromResult(
        state.RecordExists && UserSessions.Stands(state.State, sessionId, sessionVersion, time.GetUtcNow()) ? Profile() : null);

    public async Task EndSessionAsync(string sessionId, DateTimeOffset expiresAt)
    {
        EnsureExists();
        UserSessions.End(state.State, sessionId, expiresAt, time.GetUtcNow());
        await state.WriteStateAsync();
        await audit.RecordAsync(Key.OrganisationId, AuditActions.SignedOut, AuditSubjects.User, Key.Id, actor: Self());
    }

    public async Task EndAllSessionsAsync()
    {
        EnsureExists();
        UserSessions.EndAll(state.State);
        await state.WriteStateAsync();
        await audit.RecordAsync(Key.OrganisationId, AuditActions.SignedOutEverywhere, AuditSubjects.User, Key.Id, actor: Self());
        EndSessions();
    }

    public async Task<UserProfile> UpdateAsync(UserChange change)
    {
        EnsureExists();
        var user = state.State;
        var before = Profile();
        if (change.Role is { } role && role != user.Role)
        {
            EnsureNotSelf("change their own role");
            user.Role = UserRules.ValidRole(role);
        }

        if (change.Name is not null)
        {
            user.Name = UserRules.ValidName(change.Name);
        }

        if (change.Teams is not null || change.Channels is not null)
        {
            var organisation = await OrganisationAsync();
            if (change.Teams is not null)
            {
                user.Teams = UserRules.ValidTeams(organisation, change.Teams);
            }

            if (change.Channels is not null)
            {
                user.Channels = UserRules.ValidChannels(organisation, change.Channels);
            }
        }

        var saved = await SaveAsync(user, user.Role != before.Role ? AuditActions.RoleChanged : AuditActions.UserChanged, before);

        // Open connections were authorised with the old access; cut them so they come back with the new one.
        EndSessions();
        return saved;
    }

    public async Task<UserProfile> DeactivateAsync()
    {
        EnsureExists();
        EnsureNotSelf("deactivate themself");
        if (state.State.Status == UserStatus.Deactivated)
        {
            return Profile();
        }

        var before = Profile();
        state.State.Status = UserStatus.Deactivated;
        UserSessions.EndAll(state.State);
        await ReleaseInvitationAsync();
        var saved = await SaveAsync(state.State, AuditActions.UserDeactivated, before);
        EndSessions();
        return saved;
    }

    public async Task<UserProfile> ReactivateAsync()
    {
        EnsureExists();
        if (state.State.Status != UserStatus.Deactivated)
        {
            return Profile();
        }

        // Someone deactivated before accepting their invitation needs a new one; everyone else may sign in again.
        var before = Profile();
        state.State.Status = state.State.PasswordHash.Length == 0 ? UserStatus.Invited : UserStatus.Active;
        return await SaveAsync(state.State, AuditActions.UserReactivated, before);
    }

    public async Task<SignInAnswer> SignInAsync(string password)
    {
        if (!state.RecordExists || state.State.Status == UserStatus.Invited)
        {
            return SignInAnswer.Wrong;
        }

        var user = state.State;
        var (verdict, changed) = _passwords.Check(user, password);
        if (changed)
        {
            await state.WriteStateAsync();
        }

        switch (verdict)
        {
            case UserPasswords.Verdict.LockedOut:
                await RecordSignInAsync(changed ? AuditActions.LockedOut : AuditActions.SignInFailed, changed ? "wrong password" : "locked out");
                return new SignInAnswer(SignInOutcome.LockedOut, null, user.LockedUntil);
            case UserPasswords.Verdict.Wrong:
                await RecordSignInAsync(AuditActions.SignInFailed, "wrong password");
                return SignInAnswer.Wrong;
        }

        // Said only to someone who knows the password, so it does not tell a guesser which accounts exist.
        if (user.Status == UserStatus.Deactivated)
        {
            await RecordSignInAsync(AuditActions.SignInFailed, "deactivated");
            return new SignInAnswer(SignInOutcome.Deactivated, null, null);
        }

        await RecordSignInAsync(AuditActions.SignedIn, null);
        return new SignInAnswer(SignInOutcome.SignedIn, Profile(), null);
    }

    private async Task<UserState> NewStateAsync(string name, string email, UserRole role, IReadOnlyList<string> teams, IReadOnlyList<string> channels)
    {
        if (!Emails.IsValid(email))
        {
            throw new ArgumentException($"'{email}' is not a valid email address.", nameof(email));
        }

        var organisation = await OrganisationAsync();
        var user = new UserState
        {
            Name = name,
            Email = email.Trim(),
            Role = UserRules.ValidRole(role),
            Teams = UserRules.ValidTeams(organisation, teams),
            Channels = UserRules.ValidChannels(organisation, channels),
        };
        if (!await GrainFactory.Get<IUserHandleGrain>(UserHandles.Email(email)).ClaimAsync(this.GetPrimaryKeyString()))
        {
            throw new ConflictException($"Another user already signs in with '{email.Trim()}'.");
        }

        return user;
    }

    private async Task<Invitation> IssueInvitationAsync(string action, UserProfile? before)
    {
        await ReleaseInvitationAsync();
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var handle = UserHandles.Invitation(token);
        if (!await GrainFactory.Get<IUserHandleGrain>(handle).ClaimAsync(this.GetPrimaryKeyString()))
        {
            throw new ConflictException("The invitation token collided with another; try again.");
        }

        var expiresAt = time.GetUtcNow() + InvitationLifetime;
        (state.State.InvitationHandle, state.State.InvitationExpiresAt) = (handle, expiresAt);
        return new Invitation(await SaveAsync(state.State, action, before), token, expiresAt);
    }

    private async Task ReleaseInvitationAsync()
    {
        if (state.State.InvitationHandle is { } handle)
        {
            await GrainFactory.Get<IUserHandleGrain>(handle).ReleaseAsync(this.GetPrimaryKeyString());
            (state.State.InvitationHandle, state.State.InvitationExpiresAt) = (null, null);
        }
    }

    /// <summary>Stores the user, rewrites their directory row and records the change with its before and after.</summary>
    private async Task<UserProfile> SaveAsync(UserState user, string action, UserProfile? before, Caller? actor = null)
    {
        state.State = user;
        await state.WriteStateAsync();
        var profile = Profile();
        await Task.WhenAll(
            directory.UpsertAsync(profile),
            audit.RecordAsync(Key.OrganisationId, action, AuditSubjects.User, Key.Id, before, profile, actor));

        // Routing sees the agent's name, teams, channels and whether they may work at all.
        GrainFactory.Get<IAgentGrain>(this.GetPrimaryKeyString()).ProfileChangedAsync(profile).Ignore();
        return profile;
    }

    private Task RecordSignInAsync(string action, string? reason) =>
        audit.RecordAsync(Key.OrganisationId, action, AuditSubjects.User, Key.Id, after: reason is null ? null : new { reason }, actor: Self());

    // Signing in and accepting an invitation are the user's own acts, from the address the gateway passed on.
    private Caller Self() =>
        Caller.User(Key.OrganisationId, Key.Id, state.State.Name, state.State.Role, state.State.Channels, state.State.Teams, CallerContext.Current?.From);

    private async Task<OrganisationInfo> OrganisationAsync() =>
        await GrainFactory.Get<IOrganisationGrain>(Key.OrganisationId).GetAsync()
        ?? throw new InvalidOperationException($"There is no organisation '{Key.OrganisationId}'.");

    private void EndSessions() => GrainFactory.Get<IEventFeedGrain>(Key.OrganisationId).EndSessionsAsync(Key.Id).Ignore();

    private void EnsureExists()
    {
        if (!state.RecordExists)
        {
            throw new UserNotFoundException(this.GetPrimaryKeyString());
        }
    }

    // An admin who demotes or deactivates themself may leave the organisation with no admin at all.
    private void EnsureNotSelf(string action)
    {
        if (CallerContext.Current is { Kind: CallerKind.User } caller && caller.OrganisationId == Key.OrganisationId && caller.Id == Key.Id)
        {
            throw new ConflictException($"A user cannot {action}; ask another admin.");
        }
    }

    private UserProfile Profile()
    {
        var s = state.State;
        return new UserProfile(Key.OrganisationId, Key.Id, s.Name, s.Email, s.Role, s.Status, [.. s.Teams], [.. s.Channels], s.SessionVersion);
    }
}
