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
/// <param name="At">When it arrived.</param>
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

/// <summary>What the simulator remembers: every request its platform APIs received, and the faults it was told to inject.</summary>
public sealed class SimulatorState
{
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _acceptedRetryKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _weChatTokens = new(StringComparer.Ordinal);
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

    /// <summary>Every request received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

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

    /// <summary>Raised for every request a platform API accepted (the demo answers sends with status webhooks).</summary>
    public event Action<ReceivedRequest>? Accepted;

    /// <summary>Records a request.</summary>
    public void Record(ReceivedRequest request)
    {
        _received.Enqueue(request);
        if (request.Accepted)
        {
            Accepted?.Invoke(request);
        }
    }

    /// <summary>LINE's retry keys: the request id first accepted with a key, or null when the key is new (and is now taken).</summary>
    public string? AcceptRetryKey(string key, string requestId) =>
        _acceptedRetryKeys.TryAdd(key, requestId) ? null : _acceptedRetryKeys[key];

    /// <summary>Issues a WeChat access token for an app; the app's earlier token stops working, as on WeChat.</summary>
    public string IssueWeChatToken(string appId)
    {
        var token = $"sim_{appId}_{Guid.NewGuid():N}";
        foreach (var old in _weChatTokens.Where(t => t.Value == appId).Select(t => t.Key).ToList())
        {
            _weChatTokens.TryRemove(old, out _);
        }

        _weChatTokens[token] = appId;
        return token;
    }

    /// <summary>True for a WeChat access token that is the latest of its app.</summary>
    public bool IsWeChatToken(string? token) => token is not null && _weChatTokens.ContainsKey(token);

    /// <summary>Forgets everything.</summary>
    public void Reset()
    {
        _received.Clear();
        _faults.Clear();
        _acceptedRetryKeys.Clear();
        _weChatTokens.Clear();
        _media.Clear();
        _profiles.Clear();
    }
}
