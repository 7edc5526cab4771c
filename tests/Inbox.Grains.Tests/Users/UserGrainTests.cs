using Inbox.Contracts.Keys;
using Inbox.Contracts.Users;
using Inbox.Grains.Users;

namespace Inbox.Grains.Tests.Users;

[Collection(GrainCluster.Name)]
public sealed class UserGrainTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task A_created_user_signs_in_with_their_password_after_reactivation()
    {
        var (user, email) = await NewUserAsync();
        await fixture.DeactivateAsync(user);

        var answer = await user.SignInAsync("correct horse battery");
        Assert.Equal(SignInOutcome.SignedIn, answer.Outcome);
        Assert.Equal(("Alex", email, UserRole.Supervisor), (answer.User!.Name, answer.User.Email, answer.User.Role));
        Assert.Equal(SignInOutcome.WrongCredentials, (await user.SignInAsync("Correct horse battery")).Outcome);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_user_out_for_five_minutes_even_with_the_right_one()
    {
        var (user, _) = await NewUserAsync();
        for (var i = 1; i < UserGrain.MaxFailedSignIns; i++)
        {
            Assert.Equal(SignInOutcome.WrongCredentials, (await user.SignInAsync("wrong")).Outcome);
        }

        var locked = await user.SignInAsync("wrong");
        Assert.Equal(SignInOutcome.LockedOut, locked.Outcome);
        Assert.NotNull(locked.LockedUntil);

        await fixture.DeactivateAsync(user);
        Assert.Equal(SignInOutcome.LockedOut, (await user.SignInAsync("correct horse battery")).Outcome);

        fixture.Time.Advance(UserGrain.LockoutDuration);
        Assert.Equal(SignInOutcome.SignedIn, (await user.SignInAsync("correct horse battery")).Outcome);

        // The right password reset the count: four more wrong ones do not lock.
        for (var i = 1; i < UserGrain.MaxFailedSignIns; i++)
        {
            Assert.Equal(SignInOutcome.WrongCredentials, (await user.SignInAsync("wrong")).Outcome);
        }
    }

    [Fact]
    public async Task An_email_belongs_to_one_user_across_organisations_and_finds_them()
    {
        var (user, email) = await NewUserAsync();
        var other = fixture.Grains.GetGrain<IUserGrain>(GrainKeys.Compose(GrainKeys.NewId("org"), "u_1"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => other.CreateAsync(new NewUser("Eve", email.ToUpperInvariant(), UserRole.Admin, "another password")));
        Assert.Null(await other.GetAsync());

        Assert.Equal(user.GetPrimaryKeyString(), await fixture.Grains.GetGrain<IEmailGrain>(Emails.Normalise($"  {email} ")).GetUserKeyAsync());
    }

    [Theory]
    [InlineData("", "a@b.test", "long enough")]
    [InlineData("Alex", "not an email", "long enough")]
    [InlineData("Alex", "a@b.test", "short")]
    public async Task A_user_without_a_name_a_valid_email_or_an_eight_character_password_is_refused(string name, string email, string password)
    {
        var user = fixture.Grains.GetGrain<IUserGrain>(GrainKeys.Compose(GrainKeys.NewId("org"), "u_1"));
        await Assert.ThrowsAsync<ArgumentException>(() => user.CreateAsync(new NewUser(name, email, UserRole.Agent, password)));
        Assert.Null(await user.GetAsync());
    }

    private async Task<(IUserGrain User, string Email)> NewUserAsync()
    {
        var email = $"{Guid.NewGuid():N}@acme.test";
        var user = fixture.Grains.GetGrain<IUserGrain>(GrainKeys.Compose(GrainKeys.NewId("org"), GrainKeys.NewId("u")));
        await user.CreateAsync(new NewUser("Alex", email, UserRole.Supervisor, "correct horse battery"));
        return (user, email);
    }
}
