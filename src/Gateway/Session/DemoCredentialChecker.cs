using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Inbox.Gateway.Session;

/// <summary>Checks credentials against the configured demo users, in constant time per comparison.</summary>
internal sealed class DemoCredentialChecker(IOptionsMonitor<DemoUsersOptions> options) : ICredentialChecker
{
    public Task<CurrentUser?> CheckAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = options.CurrentValue.Users.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
        var matches = user is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(user.Password), Encoding.UTF8.GetBytes(password));
        return Task.FromResult(matches
            ? new CurrentUser(user!.UserId, user.Name, user.Email, user.OrganisationId, user.Role)
            : null);
    }
}
