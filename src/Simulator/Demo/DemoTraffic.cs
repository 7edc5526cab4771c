using System.Text.Json.Nodes;
using Inbox.Simulator.Platforms;
using Inbox.Simulator.Webhooks;
using Microsoft.Extensions.Options;

namespace Inbox.Simulator.Demo;

/// <summary>
/// A trickle of realistic customer traffic on every demo channel: customers with stable ids write in (now and then with
/// a photo), each platform's webhook signed as it signs them; and the Meta platforms answer every accepted send with
/// "delivered", then "read" status webhooks, so the demo's ticks move as they would.
/// </summary>
internal sealed partial class DemoTraffic(SimulatorState state, IOptions<DemoOptions> options, ILogger<DemoTraffic> logger) : BackgroundService
{
    private static readonly string[] Script =
    [
        "Hi! My order #{0} hasn't arrived yet, can you check?",
        "It was supposed to come on Monday.",
        "Is there a tracking number?",
        "Thanks. Can I change the delivery address?",
        "Do you have this in blue?",
        "How long does a refund take?",
        "The app keeps logging me out 😕",
        "Great, that worked — thank you!",
    ];

    // The demo's "photo" must be an image a browser can show.
    private static readonly byte[] Photo = ProfileApi.Picture;

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private List<DemoChannel> _channels = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        if (!demo.Enabled)
        {
            return;
        }

        if (demo.InboxUrl is null || demo.SelfUrl is null || demo.SeedFile is null)
        {
            LogMisconfigured();
            return;
        }

        _channels = DemoChannel.ReadAll(demo.SeedFile, demo.InboxUrl);
        foreach (var (channel, customer) in _channels.SelectMany(c => c.Customers.Select(customer => (c, customer))))
        {
            state.AddProfile(channel.Platform, customer.Id, customer.Name);
        }

        state.Accepted += request => _ = AnswerWithStatusesAsync(request, stoppingToken);
        LogStarted(_channels.Count, demo.InboxUrl);

        var turn = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(demo.IntervalSeconds));
        do
        {
            if (_channels.Count == 0)
            {
                return;
            }

            var channel = _channels[turn % _channels.Count];
            var customer = channel.Customers[(turn / _channels.Count) % channel.Customers.Count];
            var line = string.Format(System.Globalization.CultureInfo.InvariantCulture, Script[turn % Script.Length], 10_000 + turn);
            try
            {
                await SendAsync(channel, customer, line, photo: turn % 5 == 4, stoppingToken);
            }
            catch (HttpRequestException e)
            {
                LogNotDelivered(channel.Platform, e.Message);
            }

            turn++;
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SendAsync(DemoChannel channel, SimulatedCustomer customer, string text, bool photo, CancellationToken cancellationToken)
    {
        var webhook = channel.Webhooks.Text(customer, text, DateTimeOffset.UtcNow).Webhook;
        if (photo)
        {
            var mediaId = channel.Platform == "line" ? Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) : "demo" + Guid.NewGuid().ToString("N");
            state.AddMedia(channel.Platform, mediaId, new SimulatedFile(Photo, "image/png", null));
            var reference = channel.Platform is "messenger" or "instagram" ? new Uri(options.Value.SelfUrl!, $"{channel.Platform}/cdn/{mediaId}").ToString() : mediaId;
            webhook = channel.Webhooks.Image(customer, new SimulatedMedia(reference, "image/png", null, Photo.Length), "Here is a photo", DateTimeOffset.UtcNow).Webhook;
        }

        using var response = await _http.SendAsync(webhook.ToRequest(channel.WebhookUrl), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LogNotDelivered(channel.Platform, $"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private async Task AnswerWithStatusesAsync(ReceivedRequest request, CancellationToken cancellationToken)
    {
        try
        {
            if (request.Method != "POST" || !request.Path.EndsWith("/messages", StringComparison.Ordinal)
                || _channels.FirstOrDefault(c => c.Platform == request.Platform) is not { } channel
                || Recipient(request) is not { } recipient)
            {
                return;
            }

            var customer = new SimulatedCustomer(recipient, "");
            foreach (var (status, delay) in new[] { ("delivered", 1.5), ("read", 4.0) })
            {
                await Task.Delay(TimeSpan.FromSeconds(delay), cancellationToken);
                if (channel.Webhooks.Status(customer, request.PlatformMessageId!, status, DateTimeOffset.UtcNow) is { } webhook)
                {
                    using var response = await _http.SendAsync(webhook.ToRequest(channel.WebhookUrl), cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            LogNotDelivered(request.Platform, e.Message);
        }
    }

    // WhatsApp names the customer in "to"; Messenger and Instagram in recipient.id (a JSON string field in an upload).
    private static string? Recipient(ReceivedRequest request)
    {
        var body = JsonNode.Parse(request.Body);
        return (string?)body?["to"]
            ?? (string?)body?["recipient"]?["id"]
            ?? ((string?)body?["recipient"] is { } json ? (string?)JsonNode.Parse(json)?["id"] : null);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Demo traffic on {Count} channels to {InboxUrl}")]
    private partial void LogStarted(int count, Uri inboxUrl);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Demo traffic needs Simulator:Demo:InboxUrl, SelfUrl and SeedFile; none sent")]
    private partial void LogMisconfigured();

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "A demo {Platform} webhook was not taken: {Reason}")]
    private partial void LogNotDelivered(string platform, string reason);
}
