using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Inbox.Hosting.Media;

/// <summary>
/// Short-lived public links to stored files, for platforms that fetch an agent's image themselves (LINE takes no
/// uploads). A link is <c>{public address}/media/{token}</c>, the token the blob's name protected with the shared Data
/// Protection key ring and an expiry: unguessable, unforgeable, and dead after its lifetime.
/// </summary>
public sealed class MediaLinks(IDataProtectionProvider dataProtection)
{
    /// <summary>How long a link works: long enough for the platform to fetch and cache the file.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector("Inbox.Media.PublicLink.v1").ToTimeLimitedDataProtector();

    /// <summary>The path (below the public address) of a link to <paramref name="blobName"/>.</summary>
    public string PathFor(string blobName) => "media/" + _protector.Protect(blobName, Lifetime);

    /// <summary>The blob a link's token names, or null when the token is forged, damaged or expired.</summary>
    public string? BlobFor(string token)
    {
        try
        {
            return _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
