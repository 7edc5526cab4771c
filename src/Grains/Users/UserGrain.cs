using Inbox.Contracts.Keys;
using Inbox.Contracts.Users;
using Inbox.Grains.Storage;
using Microsoft.AspNetCore.Identity;

namespace Inbox.Grains.Users;

/// <summary>
/// One user. The password is hashed here with ASP.NET Core Identity's hasher (PBKDF2, versioned format, rehashed when
/// the format moves on) and the hash never leaves the grain. Lockout is counted here too, so it holds whichever
/// gateway the attempts come through.
/// </summary>
public sealed class UserGrain(
    [PersistentState(stateName: "user", storageName: GrainStorage.Name)] IPersistentState<UserState> state,
    IPasswordHasher<UserState> hasher,
    TimeProvider time) : Grain, IUserGrain
{
    internal const int MaxFailedSignIns = 5;
    internal static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);
    private const int MinPasswordLength = 8;

    public async Task<UserProfile> CreateAsync(NewUser user)
    {
        if (state.RecordExists)
        {
            return Profile();
        }

        if (string.IsNullOrWhiteSpace(user.Name))
        {
            throw new ArgumentException("A user needs a name.", nameof(user));
        }

        if (!Emails.IsValid(user.Email))
        {
            throw new ArgumentException($"'{user.Email}' is not a valid email address.", nameof(user));
        }

        if (user.Password is not { Length: >= MinPasswordLength })
        {
            throw new ArgumentException($"A password needs at least {MinPasswordLength} characters.", nameof(user));
        }

        if (!await GrainFactory.GetGrain<IEmailGrain>(Emails.Normalise(user.Email)).ClaimAsync(this.GetPrimaryKeyString()))
        {
            throw new InvalidOperationException($"Another user already signs in with '{user.Email}'.");
        }

        var created = new UserState { Name = user.Name.Trim(), Email = user.Email.Trim(), Role = user.Role };
        created.PasswordHash = hasher.HashPassword(created, user.Password);
        state.State = created;
        await state.WriteStateAsync();
        return Profile();
    }

    public Task<UserProfile?> GetAsync() => Task.FromResult(state.RecordExists ? Profile() : null);

    public async Task<SignInAnswer> SignInAsync(string password)
    {
        if (!state.RecordExists)
        {
            return SignInAnswer.Wrong;
        }

        var user = state.State;
        var now = time.GetUtcNow();
        if (user.LockedUntil > now)
        {
            return new SignInAnswer(SignInOutcome.LockedOut, null, user.LockedUntil);
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.FailedSignIns++;
            if (user.FailedSignIns >= MaxFailedSignIns)
            {
                (user.FailedSignIns, user.LockedUntil) = (0, now + LockoutDuration);
            }

            await state.WriteStateAsync();
            return user.LockedUntil > now ? new SignInAnswer(SignInOutcome.LockedOut, null, user.LockedUntil) : SignInAnswer.Wrong;
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded || user.FailedSignIns > 0 || user.LockedUntil is not null)
        {
            (user.FailedSignIns, user.LockedUntil) = (0, null);
            if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            {
                user.PasswordHash = hasher.HashPassword(user, password);
            }

            await state.WriteStateAsync();
        }

        return new SignInAnswer(SignInOutcome.SignedIn, Profile(), null);
    }

    private UserProfile Profile()
    {
        var key = OrganisationScoped.Parse(this.GetPrimaryKeyString());
        return new UserProfile(key.OrganisationId, key.Id, state.State.Name, state.State.Email, state.State.Role);
    }
}
