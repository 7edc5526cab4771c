using Inbox.Channels;
using Inbox.Channels.Outbound;
using Microsoft.Extensions.Options;

namespace Inbox.Grains.Channels;

/// <summary>Where each platform's API is: the real one unless configured, so tests and the demo point at the simulator.</summary>
public sealed class ChannelApiOptions
{
    public const string SectionName = "Inbox:Channels";

    /// <summary>The named HttpClient every platform call goes through (with its resilience pipeline).</summary>
    public const string HttpClientName = "inbox-channels";

    /// <summary>Base URLs by platform wire name, e.g. <c>whatsapp</c> → <c>https://graph.facebook.com/v21.0/</c>.</summary>
    public Dictionary<string, Uri> BaseUrls { get; set; } = [];

    /// <summary>Where each platform serves media, when not at its base URL (LINE: <c>https://api-data.line.me/</c>).</summary>
    public Dictionary<string, Uri> MediaBaseUrls { get; set; } = [];

    /// <summary>
    /// The inbox's public HTTPS address (its gateways'), ending in '/', for links to files that platforms fetch
    /// themselves (LINE images). Null: such sends fail with a clear reason.
    /// </summary>
    public Uri? PublicMediaUrl { get; set; }

    /// <summary>How long one platform call may take before it counts as failed (transient).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many replies one channel has with its platform at once (different conversations'; one conversation's go one by one).</summary>
    public int MaxConcurrentSends { get; set; } = 16;

    /// <summary>How many times a reply is sent when the platform keeps having a passing problem, before it is marked failed.</summary>
    public int MaxSendAttempts { get; set; } = 8;

    /// <summary>
    /// How often a channel with queued replies is woken by its reminder, so a queue whose silo stopped resumes on
    /// another (Orleans reminders tick at most once a minute in production).
    /// </summary>
    public TimeSpan OutboxRecheck { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The base URL for <paramref name="sender"/>'s platform.</summary>
    public Uri BaseUrlFor(IChannelSender sender) => BaseUrls.GetValueOrDefault(sender.Platform) ?? sender.DefaultBaseUrl;

    /// <summary>Where <paramref name="sender"/>'s platform serves media: configured, else its own media host, else its base URL.</summary>
    public Uri MediaBaseUrlFor(IChannelSender sender) =>
        MediaBaseUrls.GetValueOrDefault(sender.Platform) ?? (BaseUrls.ContainsKey(sender.Platform) ? null : sender.DefaultMediaBaseUrl) ?? BaseUrlFor(sender);
}

/// <summary>Refuses to start with a base URL for an unknown platform or one that is not an absolute http(s) URL ending in '/'.</summary>
public sealed class ChannelApiOptionsValidator : IValidateOptions<ChannelApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ChannelApiOptions options)
    {
        var problems = new List<string>();
        foreach (var (platform, url) in options.BaseUrls.Concat(options.MediaBaseUrls))
        {
            if (ChannelSenders.For(platform) is null)
            {
                problems.Add($"{ChannelApiOptions.SectionName}:BaseUrls:{platform} names no platform; use one of {string.Join(", ", ChannelSenders.All.Select(s => s.Platform))}.");
            }
            else if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || !url.AbsolutePath.EndsWith('/'))
            {
                problems.Add($"{ChannelApiOptions.SectionName}:BaseUrls:{platform} must be an absolute http(s) URL ending in '/'.");
            }
        }

        if (options.PublicMediaUrl is { } site && (!site.IsAbsoluteUri || site.Scheme is not ("http" or "https") || !site.AbsolutePath.EndsWith('/')))
        {
            problems.Add($"{ChannelApiOptions.SectionName}:PublicMediaUrl must be an absolute http(s) URL ending in '/'.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{ChannelApiOptions.SectionName}:RequestTimeout must be positive.");
        }

        if (options.MaxConcurrentSends is < 1 or > 1000)
        {
            problems.Add($"{ChannelApiOptions.SectionName}:MaxConcurrentSends must be 1-1000.");
        }

        if (options.MaxSendAttempts is < 1 or > 100)
        {
            problems.Add($"{ChannelApiOptions.SectionName}:MaxSendAttempts must be 1-100.");
        }

        if (options.OutboxRecheck < TimeSpan.FromSeconds(1))
        {
            problems.Add($"{ChannelApiOptions.SectionName}:OutboxRecheck must be at least a second.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
