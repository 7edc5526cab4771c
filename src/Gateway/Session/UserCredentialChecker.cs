using Inbox.Contracts.Grains;
using Inbox.Contracts.Users;
using Inbox.Gateway.Security;

namespace Inbox.Gateway.Session;

/// <summary>Finds the user by email and lets their grain check the password (the hash never leaves the grain).</summary>
internal sealed class UserCredentialChecker(IGrainFactory grains) : ICredentialChecker
{
    public async Task<SignInAnswer> CheckAsync(string email, string password, string? from, CancellationToken cancellationToken)
    {
        if (!Emails.IsValid(email))
        {
            return SignInAnswer.Wrong;
        }

        GatewayCallers.ActAsService(from);
        var userKey = await grains.Get<IUserHandleGrain>(UserHandles.Email(email)).GetUserKeyAsync();
        return userKey is null
            ? SignInAnswer.Wrong
            : await grains.Get<IUserGrain>(userKey).SignInAsync(password);
    }
}
