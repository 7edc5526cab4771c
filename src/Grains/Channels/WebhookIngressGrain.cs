using Inbox.Channels;
using Inbox.Channels.Inbound;
using Inbox.Channels.Webhooks;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Grains;
using Inbox.Contracts.Keys;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Inbox.Grains.Channels;

/// <summary>
/// Checks and stores one platform channel's webhooks. A stateless worker: each silo runs as many activations as the
/// load needs, each keeping the channel's secrets in memory for a short while. A signature that fails against secrets
/// older than a second is checked again against fresh ones, so rotating a secret takes effect at once.
/// Reentrant: a webhook spends nearly all its time waiting on the conversation grains and storage, and a stateless
/// worker takes one call at a time per activation with at most one activation per core, which held the whole silo to
/// two webhooks in flight. Interleaved calls share the cached secrets; two that refresh them at once both load the same.
/// </summary>
[StatelessWorker]
[Reentrant]
public sealed partial class WebhookIngressGrain(TimeProvider time, ILogger<WebhookIngressGrain> logger) : Grain, IWebhookIngressGrain
{
    private static readonly TimeSpan SecretsLifetime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(1);

    // An admin disabling the channel takes effect within this long on every ingress activation.
    private static readonly TimeSpan StatusLifetime = TimeSpan.FromSeconds(2);

    private ChannelStatus _status;
    private DateTimeOffset _statusAt = DateTimeOffset.MinValue;

    private ChannelInfo? _channel;
    private IReadOnlyDictionary<string, string> _secrets = new Dictionary<string, string>();
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    public async Task<WebhookAnswer> HandleAsync(Platform platform, WebhookDelivery delivery)
    {
        var channelId = this.GetPrimaryKeyString();
        if (!GrainKeys.IsValidId(channelId) || ChannelAdapters.For(PlatformNames.Of(platform)) is not { } adapter
            || await ChannelAsync(refresh: false) is not { } channel || channel.Platform != platform)
        {
            return new WebhookAnswer(404, $"No {PlatformNames.Of(platform)} channel has this webhook URL.");
        }

        var request = new WebhookRequest(
            delivery.Method,
            name => delivery.Headers.GetValueOrDefault(name.ToLowerInvariant()),
            name => delivery.Query.GetValueOrDefault(name),
            delivery.Body);
        var check = adapter.Check(request, _secrets);
        if (check is WebhookCheck.Rejected && time.GetUtcNow() - _loadedAt > RecheckAfter && await ChannelAsync(refresh: true) is not null)
        {
            check = adapter.Check(request, _secrets);
        }

        switch (check)
        {
            case WebhookCheck.Challenge challenge:
                return new WebhookAnswer(200, challenge.Content, challenge.ContentType);
            case WebhookCheck.Rejected rejected:
                // A failed verification handshake is a 403, as Meta documents; a request with a bad signature a 401.
                LogRejected(channel.OrganisationId, channel.ChannelId, rejected.Reason);
                return new WebhookAnswer(IsGet(delivery) ? 403 : 401, rejected.Reason);
        }

        if (IsGet(delivery))
        {
            return new WebhookAnswer(405, "Events are delivered with POST.");
        }

        IReadOnlyList<InboundEvent> events;
        try
        {
            events = adapter.Parse(delivery.Body);
        }
        catch (WebhookFormatException e)
        {
            LogMalformed(channel.OrganisationId, channel.ChannelId, e.Message);
            return adapter.RedeliversRefusalsForDays ? new WebhookAnswer(200, adapter.Acknowledgement) : new WebhookAnswer(400, e.Message);
        }

        if (await StatusAsync(channel) == ChannelStatus.Disabled)
        {
            // The platform hears "received" (or it would retry for days); the inbox counts and drops the messages.
            var discarded = InboundDelivery.Messages(events);
            if (discarded > 0)
            {
                GrainFactory.Get<IChannelGrain>(GrainKeys.Compose(channel.OrganisationId, channel.ChannelId)).DiscardedAsync(discarded).Ignore();
                LogDiscarded(channel.OrganisationId, channel.ChannelId, discarded);
            }

            return new WebhookAnswer(200, adapter.Acknowledgement);
        }

        var pending = await InboundDelivery.DeliverAsync(GrainFactory, channel, events);
        if (pending > 0)
        {
            LogNotActedOn(channel.OrganisationId, channel.ChannelId, pending);
        }

        return new WebhookAnswer(200, adapter.Acknowledgement);
    }

    private static bool IsGet(WebhookDelivery delivery) => string.Equals(delivery.Method, "GET", StringComparison.OrdinalIgnoreCase);

    private async Task<ChannelStatus> StatusAsync(ChannelInfo channel)
    {
        var now = time.GetUtcNow();
        if (now - _statusAt >= StatusLifetime)
        {
            var current = await GrainFactory.Get<IChannelGrain>(GrainKeys.Compose(channel.OrganisationId, channel.ChannelId)).GetAsync();
            (_status, _statusAt) = (current?.Status ?? ChannelStatus.Active, now);
        }

        return _status;
    }

    private async Task<ChannelInfo?> ChannelAsync(bool refresh)
    {
        var now = time.GetUtcNow();
        if (_channel is not null && !refresh && now - _loadedAt < SecretsLifetime)
        {
            return _channel;
        }

        var found = await GrainFactory.Get<IChannelHandleGrain>(ChannelHandles.Webhook(this.GetPrimaryKeyString())).GetChannelAsync();
        var secrets = found is null ? null : await GrainFactory.Get<IChannelGrain>(GrainKeys.Compose(found.OrganisationId, found.ChannelId)).GetSecretsAsync();
        (_channel, _secrets, _loadedAt) = secrets is null ? (null, new Dictionary<string, string>(), now) : (found, secrets, now);
        return _channel;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Refused a webhook for channel {OrganisationId}:{ChannelId}: {Reason}")]
    private partial void LogRejected(string organisationId, string channelId, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "An authentic webhook for channel {OrganisationId}:{ChannelId} is not in the platform's format: {Reason}")]
    private partial void LogMalformed(string organisationId, string channelId, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Channel {OrganisationId}:{ChannelId} is disabled: {Count} inbound messages acknowledged and discarded")]
    private partial void LogDiscarded(string organisationId, string channelId, int count);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Channel {OrganisationId}:{ChannelId} received {Count} events the inbox does not act on yet")]
    private partial void LogNotActedOn(string organisationId, string channelId, int count);
}
