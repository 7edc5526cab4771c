using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Security;

namespace Inbox.Gateway.Realtime;

/// <summary>
/// A web-chat visitor on a channel. The visitor token is the widget's secret (kept in the browser's local storage);
/// the visitor id shown to agents and used in keys is derived from it by hashing, so seeing the id does not let anyone
/// write as the visitor.
/// </summary>
public sealed partial record WidgetVisitor(ChannelInfo Channel, string VisitorId)
{
    private const string OrganisationClaim = "inbox:org";
    private const string ChannelClaim = "inbox:channel";
    private const string ChannelNameClaim = "inbox:channel-name";
    private const string PlatformClaim = "inbox:platform";

    /// <summary>The grain key of the visitor's channel identity.</summary>
    public string IdentityKey => GrainKeys.Compose(Channel.OrganisationId, Channel.ChannelId, VisitorId);

    /// <summary>How the visitor is named until they tell us their name.</summary>
    public string DisplayName => "Visitor " + VisitorId[2..6];

    /// <summary>True when a visitor token has an acceptable shape: 16–128 letters, digits, '-' or '_'.</summary>
    public static bool IsValidToken([NotNullWhen(true)] string? token) => token is not null && TokenPattern().IsMatch(token);

    /// <summary>The visitor id a token stands for.</summary>
    public static string IdFor(string visitorToken) =>
        "v_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(visitorToken)).AsSpan(0, 16));

    /// <summary>The grain-call identity of this visitor, coming from <paramref name="from"/>.</summary>
    public Caller ToCaller(string? from) => Caller.Visitor(Channel.OrganisationId, Channel.ChannelId, VisitorId, DisplayName, from);

    public ClaimsPrincipal ToPrincipal(string authenticationType) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, VisitorId),
            new Claim(OrganisationClaim, Channel.OrganisationId),
            new Claim(ChannelClaim, Channel.ChannelId),
            new Claim(ChannelNameClaim, Channel.Name),
            new Claim(PlatformClaim, Channel.Platform.ToString()),
        ],
        authenticationType));

    /// <summary>The visitor a widget connection signed in as.</summary>
    public static WidgetVisitor From(ClaimsPrincipal principal)
    {
        string Claim(string type) => principal.FindFirstValue(type)
            ?? throw new InvalidOperationException($"The widget principal has no '{type}' claim.");
        var channel = new ChannelInfo(Claim(OrganisationClaim), Claim(ChannelClaim), Enum.Parse<Platform>(Claim(PlatformClaim)), Claim(ChannelNameClaim));
        return new WidgetVisitor(channel, Claim(ClaimTypes.NameIdentifier));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{16,128}$")]
    private static partial Regex TokenPattern();
}
