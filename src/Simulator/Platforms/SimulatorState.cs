using System.Collections.Concurrent;

namespace Inbox.Simulator.Platforms;

/// <summary>One request a platform's API received, as the platform saw it.</summary>
/// <param name="Platform">The platform's wire name.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path below the platform's prefix, e.g. <c>v21.0/106540352242922/messages</c>.</param>
/// <param name="Query">The query string, with '?'.</param>
/// <param name="Headers">The request headers (first value of each), names lower case.</param>
/// <param name="Body">The body as text.</param>
/// <param name="Accepted">Whether the simulator accepted it (false: it answered an error).</param>
/// <param name="PlatformMessageId">The id it gave the message, when accepted.</param>
/// <param name="At">When it arrived: taken before its body was read, strictly increasing in the order of arrival.</param>
public sealed record ReceivedRequest(
    string Platform, string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, bool Accepted, string? PlatformMessageId, DateTimeOffset At);

/// <summary>A file a simulated customer sent, as the platform keeps it for download.</summary>
/// <param name="Content">The bytes.</param>
/// <param name="MimeType">Its media type.</param>
/// <param name="FileName">Its name, for documents.</param>
public sealed record SimulatedFile(byte[] Content, string MimeType, string? FileName);

/// <summary>The error a platform can be told to answer with.</summary>
public enum Fault
{
    /// <summary>The access token expired or was revoked.</summary>
    TokenExpired,

    /// <summary>The customer blocked the business or cannot be reached.</summary>
    UserBlocked,

    /// <summary>The platform's rate limit was reached.</summary>
    RateLimited,

    /// <summary>The platform's reply window is closed.</summary>
    WindowClosed,

    /// <summary>The platform had an internal error.</summary>
    ServerError,
}

/// <summary>
/// What the simulator remembers: every request its platform APIs received, the faults it was told to inject, the rate
/// limits it was told to keep and the credentials it was told to treat as revoked.
/// </summary>
/// <param name="clock">The clock that stamps arrivals and runs the rate limits' sliding windows.</param>
public sealed class SimulatorState(TimeProvider clock)
{
    private readonly ConcurrentQueue<(long Sequence, ReceivedRequest Request)> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _acceptedRetryKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string AppId, string Secret)> _weChatTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Platform, string Credential), bool> _revoked = new();
    private readonly Arrivals _arrivals = new(clock);
    private readonly ConcurrentDictionary<(string Platform, string MediaId), SimulatedFile> _media = new();
    private readonly ConcurrentDictionary<(string Platform, string UserId), string> _profiles = new();

    /// <summary>Gives a customer on <paramref name="platform"/> a profile (a name and a picture) its profile API answers with.</summary>
    public void AddProfile(string platform, string userId, string name) => _profiles[(platform, userId)] = name;

    /// <summary>The name in a customer's profile, or null when they have none.</summary>
    public string? ProfileName(string platform, string userId) => _profiles.GetValueOrDefault((platform, userId));

    /// <summary>Keeps a file a customer sends on <paramref name="platform"/>, downloadable by <paramref name="mediaId"/>.</summary>
    public void AddMedia(string platform, string mediaId, SimulatedFile file) => _media[(platform, mediaId)] = file;

    /// <summary>The file with <paramref name="mediaId"/> on <paramref name="platform"/>, or null.</summary>
    public SimulatedFile? Media(string platform, string mediaId) => _media.GetValueOrDefault((platform, mediaId));

    /// <summary>Every request received so far, in the order they arrived (each is recorded once answered, so a slow one can appear after later ones).</summary>
    public IReadOnlyList<ReceivedRequest> Received => [.. _received.OrderBy(r => r.Sequence).Select(r => r.Request)];

    /// <summary>Makes the next <paramref name="times"/> sends on <paramref name="platform"/> answer with <paramref name="fault"/>.</summary>
    public void Inject(string platform, Fault fault, int times = 1)
    {
        var queue = _faults.GetOrAdd(platform, _ => new ConcurrentQueue<Fault>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>The fault the next send on <paramref name="platform"/> must answer with, if one was injected.</summary>
    public Fault? NextFault(string platform) =>
        _faults.TryGetValue(platform, out var queue) && queue.TryDequeue(out var fault) ? fault : null;

    /// <summary>
    /// Limits <paramref name="platform"/>'s sends (messages and uploads) to <paramref name="perSecond"/> accepted in any
    /// sliding second; null or 0 removes the limit. With <paramref name="perAccount"/> each account (Telegram bot token,
    /// WhatsApp phone number id, Messenger/Instagram account id, LINE access token, WeChat app) has its own window.
    /// </summary>
    public void Limit(string platform, int? perSecond, bool perAccount = false) => _arrivals.Limit(platform, perSecond, perAccount);

    /// <summary>
    /// Revokes a credential on <paramref name="platform"/>: every call made with it from now on gets the platform's auth
    /// error. Telegram: the bot token; WhatsApp and LINE: the bearer token; Messenger and Instagram: the access_token;
    /// WeChat: the AppSecret (no more tokens are sold for it, and the ones it bought stop working).
    /// </summary>
    public void Revoke(string platform, string credential)
    {
        _revoked[(platform, credential)] = true;
        if (platform == "wechat")
        {
            foreach (var token in _weChatTokens.Where(t => t.Value.Secret == credential).Select(t => t.Key).ToList())
            {
                _weChatTokens.TryRemove(token, out _);
            }
        }
    }

    /// <summary>True for a credential revoked on <paramref name="platform"/>.</summary>
    public bool IsRevoked(string platform, string? credential) => credential is not null && _revoked.ContainsKey((platform, credential));

    /// <summary>Stamps a request as it arrives, before its body is read, and asks the platform's rate limit about it.</summary>
    internal Arrival Arrive(string platform, string? account) => _arrivals.Arrive(platform, account);

    /// <summary>Raised for every request a platform API accepted (the demo answers sends with status webhooks).</summary>
    public event Action<ReceivedRequest>? Accepted;

    /// <summary>Records a request with what it was answered; a refused send gives its place in the rate limit's window back.</summary>
    internal void Record(ReceivedRequest request, Arrival arrival)
    {
        if (!request.Accepted && arrival.Place is { } place)
        {
            _arrivals.GiveBack(place);
        }

        _received.Enqueue((arrival.Sequence, request));
        if (request.Accepted)
        {
            Accepted?.Invoke(request);
        }
    }

    /// <summary>LINE's retry keys: the request id first accepted with a key, or null when the key is new (and is now taken).</summary>
    public string? AcceptRetryKey(string key, string requestId) =>
        _acceptedRetryKeys.TryAdd(key, requestId) ? null : _acceptedRetryKeys[key];

    /// <summary>Issues a WeChat access token for an app, bought with <paramref name="secret"/>; the app's earlier token stops working, as on WeChat.</summary>
    public string IssueWeChatToken(string appId, string secret)
    {
        var token = $"sim_{appId}_{Guid.NewGuid():N}";
        foreach (var old in _weChatTokens.Where(t => t.Value.AppId == appId).Select(t => t.Key).ToList())
        {
            _weChatTokens.TryRemove(old, out _);
        }

        _weChatTokens[token] = (appId, secret);
        return token;
    }

    /// <summary>True for a WeChat access token that is the latest of its app.</summary>
    public bool IsWeChatToken(string? token) => token is not null && _weChatTokens.ContainsKey(token);

    /// <summary>The app a live WeChat access token belongs to, or null.</summary>
    public string? WeChatApp(string? token) => token is not null && _weChatTokens.TryGetValue(token, out var owner) ? owner.AppId : null;

    /// <summary>Forgets everything: requests, faults, limits, revocations, tokens, media and profiles.</summary>
    public void Reset()
    {
        _received.Clear();
        _faults.Clear();
        _arrivals.Clear();
        _revoked.Clear();
        _acceptedRetryKeys.Clear();
        _weChatTokens.Clear();
        _media.Clear();
        _profiles.Clear();
    }
}
