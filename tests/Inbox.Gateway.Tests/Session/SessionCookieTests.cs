using System.Security.Claims;
using Inbox.Contracts.Users;
using Inbox.Gateway.Session;
using Microsoft.AspNetCore.Authentication;

namespace Inbox.Gateway.Tests.Session;

/// <summary>What the session cookie carries, read back the way the cookie handler reads it.</summary>
public sealed class SessionCookieTests
{
    private const string Scheme = "Cookies";

    [Fact]
    public void A_new_session_cookie_carries_only_the_session_and_the_request_gets_the_whole_user()
    {
        var user = new CurrentUser("u_alex", "Alex", "alex@acme.test", "demo", UserRole.Agent, ["tier2"], ["web", "demo-whatsapp"], 3, "s_1");
        var principal = user.ToPrincipal(Scheme);

        var cookie = TicketSerializer.Default.Deserialize(TicketSerializer.Default.Serialize(new AuthenticationTicket(principal, Scheme)))!.Principal;

        Assert.Equal(4, cookie.Claims.Count());
        Assert.Equal(SessionKey.Of(user), SessionKey.TryRead(cookie));
        Assert.False(SessionKey.IsOutdated(cookie));
        Assert.Same(user, CurrentUser.From(principal));
        // The request's own principal stores no claim objects but answers for them.
        Assert.Equal(SessionKey.Of(user), SessionKey.TryRead(principal));
        Assert.Equal(4, principal.Claims.Count());
        // The cookie handler clones the identity when it renews the cookie.
        Assert.Same(user, CurrentUser.From(new ClaimsPrincipal(principal.Identities.Single().Clone())));
    }

    [Fact]
    public void A_cookie_issued_when_cookies_carried_the_whole_user_still_names_its_session_and_is_reissued()
    {
        var old = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "u_alex"),
                new Claim(ClaimTypes.Name, "Alex"),
                new Claim(ClaimTypes.Email, "alex@acme.test"),
                new Claim(ClaimTypes.Role, "Agent"),
                new Claim("inbox:org", "demo"),
                new Claim("inbox:session-version", "3"),
                new Claim("inbox:session", "s_1"),
                new Claim("inbox:team", "tier2"),
                new Claim("inbox:channel", "web"),
            ],
            Scheme));

        Assert.Equal(new SessionKey("demo", "u_alex", "s_1", 3), SessionKey.TryRead(old));
        Assert.True(SessionKey.IsOutdated(old));
    }

    [Fact]
    public void A_cookie_without_its_session_claims_names_no_session()
    {
        var broken = new ClaimsPrincipal(new ClaimsIdentity([new Claim("inbox:user", "u_alex"), new Claim("inbox:org", "demo")], Scheme));

        Assert.Null(SessionKey.TryRead(broken));
    }
}
