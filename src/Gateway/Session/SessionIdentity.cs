using System.Security.Claims;

namespace Inbox.Gateway.Session;

/// <summary>
/// The identity of a request or hub connection whose session the user's grain has just accepted: the session's claims
/// (all the cookie carries, <see cref="SessionKey"/>) and the user as their grain has them now, as one object rather
/// than a claim per field, team and channel. A hub connection keeps its principal for as long as it is open, and those
/// claims were a good share of an idle connection's memory. For the same reason it stores no claim objects at all: its
/// claims are made from the user when asked for (the cookie handler asks when it writes a renewed cookie).
/// </summary>
public sealed class SessionIdentity : ClaimsIdentity
{
    public SessionIdentity(CurrentUser user, string authenticationType)
        : base(authenticationType) => User = user;

    /// <summary>The signed-in user.</summary>
    public CurrentUser User { get; }

    // ClaimsIdentity's lookups (FindFirst, FindAll, HasClaim) all read this.
    public override IEnumerable<Claim> Claims => SessionKey.Of(User).ToClaims();

    // The cookie handler clones the identity when it renews the cookie; a plain ClaimsIdentity would lose the user.
    public override ClaimsIdentity Clone() => new SessionIdentity(User, AuthenticationType!);
}
