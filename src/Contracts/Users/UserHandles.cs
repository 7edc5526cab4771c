using System.Security.Cryptography;
using System.Text;

namespace Inbox.Contracts.Users;

/// <summary>
/// The keys of <see cref="IUserHandleGrain"/>: the unique handles that lead to one user without knowing their
/// organisation. An invitation is found by the hash of its token, so the stored key does not let anyone accept it.
/// </summary>
public static class UserHandles
{
    /// <summary>The handle of a sign-in email.</summary>
    public static string Email(string email) => "email:" + Emails.Normalise(email);

    /// <summary>The handle of an invitation token.</summary>
    public static string Invitation(string token) =>
        "invitation:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
