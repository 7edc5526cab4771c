using System.ComponentModel.DataAnnotations;

namespace Inbox.Gateway.Session;

/// <summary>How long a sign-in lasts.</summary>
public sealed class SignInSessionOptions
{
    public const string SectionName = "Inbox:Session";

    /// <summary>
    /// A session that makes no request for this long ends; each request past the half-way point renews the cookie
    /// (sliding expiration), so someone working all day stays signed in.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:02", "30.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(12);
}
