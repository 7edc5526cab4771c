using Inbox.Contracts.Grains;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Inbox.Channels;
using Inbox.Channels.Inbound;
using Inbox.Channels.Outbound;
using Inbox.Contracts.Audit;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Contacts;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Errors;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Organisations;
using Inbox.Grains.Audit;
using Inbox.Grains.Storage;
using Inbox.Hosting.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Grains.Channels;

/// <summary>
/// One connected channel: web chat (bound to a website token) or a platform account (bound to its webhook URL). Holds
/// the channel's fields, secrets encrypted by <see cref="ChannelSecrets"/>, and hands them decrypted only to grains.
/// </summary>
public sealed partial class ChannelGrain(
    [PersistentState(stateName: "channel", storageName: GrainStorage.Name)] IPersistentState<ChannelState> state,
    ChannelSecrets secrets,
    AuditTrail audit,
    IHttpClientFactory httpClients,
    IOptions<ChannelApiOptions> apis,
    MediaStore media,
    MediaLinks links,
    OutboxStore outbox,
    PlatformClock platformClock,
    ILogger<ChannelGrain> logger,
    TimeProvider time)
    : Grain, IChannelGrain
{
    // The platform access token (WeChat's) lives in this one activation: the channel's single place to buy it.
    private readonly AccessTokenCache _tokens = new();
    private IReadOnlyDictionary<string, string>? _secrets;

    private const int MaxNameLength = 100;
    private const int GeneratedTokenLength = 32;

    // Letters and digits only: WeChat's server token allows nothing else (3-32 characters), and it suits every platform.
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public async Task<ChannelInfo> ConnectWebChatAsync(string name, string? websiteToken)
    {
        var key = OrganisationScoped.Parse(this.GetPrimaryKeyString());
        websiteToken ??= state.State.WebsiteToken ?? RandomNumberGenerator.GetString(TokenAlphabet, GeneratedTokenLength);
        if (!WebsiteTokenPattern().IsMatch(websiteToken))
        {
            throw new ArgumentException("A website token is 8-64 letters, digits, '-' or '_'.", nameof(websiteToken));
        }

        if (state.RecordExists && state.State.WebsiteToken != websiteToken)
        {
            throw new ConflictException($"Channel '{key.Id}' is already connected{(state.State.Platform == Platform.WebChat ? " with another website token" : $" as a {PlatformNames.Of(state.State.Platform)} channel")}.");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            throw new ArgumentException($"Give the channel a name of 1-{MaxNameLength} characters.", nameof(name));
        }

        var info = new ChannelInfo(key.OrganisationId, key.Id, Platform.WebChat, name.Trim());
        var connecting = !state.RecordExists;
        if (!await GrainFactory.Get<IChannelHandleGrain>(ChannelHandles.Website(websiteToken)).BindAsync(info))
        {
            throw new ConflictException("That website token belongs to another channel.");
        }

        state.State = new ChannelState { Platform = Platform.WebChat, Name = info.Name, WebsiteToken = websiteToken };
        await state.WriteStateAsync();
        await GrainFactory.Get<IOrganisationGrain>(key.OrganisationId).AddChannelAsync(key.Id);
        if (connecting)
        {
            await audit.RecordAsync(key.OrganisationId, AuditActions.ChannelConnected, AuditSubjects.Channel, key.Id, after: info);
        }

        return info;
    }

    public async Task<ChannelDetails> ConnectAsync(ChannelSetup setup)
    {
        var key = OrganisationScoped.Parse(this.GetPrimaryKeyString());
        var adapter = AdapterFor(setup.Platform)
            ?? throw new ArgumentException("A web-chat channel is connected with a website token, not with platform fields.", nameof(setup));
        var name = setup.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            throw new ArgumentException($"Give the channel a name of 1-{MaxNameLength} characters.", nameof(setup));
        }

        var connecting = !state.RecordExists;
        if (!connecting && state.State.Platform != setup.Platform)
        {
            throw new ConflictException($"Channel '{key.Id}' is already connected as a {PlatformNames.Of(state.State.Platform)} channel.");
        }

        var before = connecting ? null : Details();
        var fields = Complete(adapter, setup.Fields ?? new Dictionary<string, string>(), connecting ? null : Secrets());
        var info = new ChannelInfo(key.OrganisationId, key.Id, setup.Platform, name);
        if (!await GrainFactory.Get<IChannelHandleGrain>(ChannelHandles.Webhook(key.Id)).BindAsync(info))
        {
            throw new ConflictException($"The channel id '{key.Id}' is taken by another organisation's channel: choose another.");
        }

        // Connecting again replaces the fields (Store) and keeps what an admin decided about the channel (disabled, its
        // pace) and what it counted; being held for reconnecting ends below, once the new fields are stored.
        (state.State.Platform, state.State.Name) = (setup.Platform, name);
        Store(adapter, fields);
        await state.WriteStateAsync();
        await GrainFactory.Get<IOrganisationGrain>(key.OrganisationId).AddChannelAsync(key.Id);

        // Field names and times only: a secret never reaches the audit log.
        var after = Details();
        await audit.RecordAsync(key.OrganisationId, connecting ? AuditActions.ChannelConnected : AuditActions.CredentialsChanged, AuditSubjects.Channel, key.Id, before, after);
        await ReconnectedAsync();
        return Details();
    }

    /// <summary>One call to the platform's send API for <paramref name="reply"/> (with its file, read from the media store).</summary>
    private async Task<SendResult> SendNowAsync(IChannelSender sender, SendContext context, OutboundReply reply)
    {
        OutboundFile? file = null;
        if (reply.Attachment is { BlobName: { } blobName } attachment)
        {
            file = await ReadFileAsync(blobName, attachment);
            if (file is null)
            {
                return new SendResult.Refused(new SendFailure(SendFailureKind.InvalidRequest, new PlatformError("file-missing", "The file is no longer in the inbox's storage.", null), null));
            }
        }

        return await sender.SendAsync(context, new OutboundMessage(reply.MessageId, reply.RecipientId, reply.Text, reply.QuickReplies, file), CancellationToken.None);
    }

    private async Task<OutboundFile?> ReadFileAsync(string blobName, MessageAttachment attachment)
    {
        if (await media.OpenAsync(blobName) is not { } stored)
        {
            return null;
        }

        await using (stored.Content)
        {
            using var buffer = new MemoryStream();
            await stored.Content.CopyToAsync(buffer);
            var publicUrl = apis.Value.PublicMediaUrl is { } site ? new Uri(site, links.PathFor(blobName)) : null;
            var isImage = stored.ContentType is "image/jpeg" or "image/png";
            return new OutboundFile(isImage, buffer.ToArray(), stored.ContentType, stored.FileName ?? attachment.FileName ?? attachment.AttachmentId, publicUrl);
        }
    }

    public async Task<MediaReport> FetchMediaAsync(MediaRequest request)
    {
        var (sender, context) = SendContext();
        var attachment = request.Attachment;
        if (attachment.PlatformMediaId is not { } mediaId)
        {
            return new MediaReport(attachment, "The platform gave no way to download this file.");
        }

        switch (await sender.FetchMediaAsync(context, mediaId, CancellationToken.None))
        {
            case MediaFetch.Fetched fetched:
                var mimeType = attachment.MimeType ?? fetched.MimeType ?? "application/octet-stream";
                var fileName = attachment.FileName ?? fetched.FileName;
                await media.SaveAsync(request.BlobName, BinaryData.FromBytes(fetched.Content), mimeType, fileName);
                return new MediaReport(attachment with { BlobName = request.BlobName, MimeType = mimeType, FileName = fileName, Size = fetched.Content.LongLength }, null);
            case MediaFetch.Failed { Failure: var failure }:
                LogMediaFailed(this.GetPrimaryKeyString(), mediaId, failure.Kind, failure.Error.Code, failure.Error.Title);
                return new MediaReport(attachment, $"The {attachment.Kind.ToString().ToLowerInvariant()} could not be downloaded from {sender.Platform} ({failure.Error.Code}: {failure.Error.Title}).");
            default:
                throw new InvalidOperationException("Unknown media result.");
        }
    }

    public async Task RefreshProfileAsync(ProfileRequest request)
    {
        var key = OrganisationScoped.Parse(this.GetPrimaryKeyString());
        var (sender, context) = SendContext();
        if (await sender.FetchProfileAsync(context, request.UserId, CancellationToken.None) is not { } profile)
        {
            return;
        }

        var hasAvatar = false;
        if (profile.PictureUrl is { } url && await ProfilePictures.DownloadAsync(context.Http, url, CancellationToken.None) is { } picture)
        {
            await media.SaveAsync(MediaStore.AvatarBlobName(key.OrganisationId, request.ContactId), BinaryData.FromBytes(picture.Content), picture.ContentType, null);
            hasAvatar = true;
        }

        if (profile.DisplayName is { } name)
        {
            await GrainFactory.Get<IContactGrain>(GrainKeys.Compose(key.OrganisationId, request.ContactId)).RenameAsync(name);
        }

        await GrainFactory.Get<IConversationGrain>(GrainKeys.Compose(key.OrganisationId, request.ConversationId)).UpdateContactAsync(profile.DisplayName, hasAvatar);
    }

    public async Task<ChannelDetails> SetEnabledAsync(bool enabled)
    {
        if (!state.RecordExists)
        {
            throw new ChannelNotFoundException(this.GetPrimaryKeyString());
        }

        if (state.State.Disabled == !enabled)
        {
            return Details();
        }

        var before = Info();
        (state.State.Disabled, state.State.DisabledAt) = (!enabled, enabled ? null : time.GetUtcNow());
        await state.WriteStateAsync();
        var after = Info();
        await audit.RecordAsync(after.OrganisationId, enabled ? AuditActions.ChannelEnabled : AuditActions.ChannelDisabled, AuditSubjects.Channel, after.ChannelId,
            new { before.Status }, new { after.Status });
        PublishStatusIfChanged();

        // Disabled: replies still waiting are failed by the outbox, saying why.
        Kick();
        return Details();
    }

    public async Task DiscardedAsync(int messages)
    {
        if (state.RecordExists && messages > 0)
        {
            state.State.DiscardedWhileDisabled += messages;
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyDictionary<string, string>?> GetSecretsAsync() =>
        Task.FromResult(state.RecordExists ? Secrets() : null);

    public Task<ChannelInfo?> GetAsync() => Task.FromResult(state.RecordExists ? Info() : null);

    public Task<ChannelDetails?> GetDetailsAsync() => Task.FromResult(state.RecordExists ? Details() : null);

    public async Task<ChannelDetails> SetCredentialsAsync(IReadOnlyDictionary<string, string> credentials)
    {
        if (!state.RecordExists)
        {
            throw new ChannelNotFoundException(this.GetPrimaryKeyString());
        }

        var before = Details();
        if (AdapterFor(state.State.Platform) is { } adapter)
        {
            if (credentials.Count == 0)
            {
                throw new ArgumentException("Give at least one field to replace.", nameof(credentials));
            }

            Store(adapter, Complete(adapter, credentials, Secrets()));
        }
        else
        {
            ChannelSecrets.Validate(credentials);
            state.State.ProtectedCredentials = secrets.Protect(credentials);
            state.State.CredentialFields = [.. credentials.Keys.Order(StringComparer.Ordinal)];
            state.State.CredentialsUpdatedAt = time.GetUtcNow();
        }

        await state.WriteStateAsync();
        var after = Details();
        await audit.RecordAsync(after.Channel.OrganisationId, AuditActions.CredentialsChanged, AuditSubjects.Channel, after.Channel.ChannelId, before, after);
        await ReconnectedAsync();
        return Details();
    }

    private (IChannelSender Sender, SendContext Context) SendContext()
    {
        if (!state.RecordExists || ChannelSenders.For(PlatformNames.Of(state.State.Platform)) is not { } sender)
        {
            throw new InvalidOperationException($"Channel '{this.GetPrimaryKeyString()}' is not a connected platform channel.");
        }

        var context = new SendContext(
            httpClients.CreateClient(ChannelApiOptions.HttpClientName),
            apis.Value.BaseUrlFor(sender),
            _secrets ??= Secrets(),
            _tokens,
            time.GetUtcNow(),
            apis.Value.MediaBaseUrlFor(sender));
        return (sender, context);
    }

    [GeneratedRegex(ChannelHandles.WebsiteTokenPattern)]
    private static partial Regex WebsiteTokenPattern();

    private static IChannelAdapter? AdapterFor(Platform platform) =>
        platform == Platform.WebChat ? null : ChannelAdapters.For(PlatformNames.Of(platform));

    /// <summary>
    /// Every field the platform needs: the given value, else the stored one, else a generated token for a generated
    /// field. Throws <see cref="ArgumentException"/> naming an unknown or missing field.
    /// </summary>
    private static Dictionary<string, string> Complete(IChannelAdapter adapter, IReadOnlyDictionary<string, string> given, IReadOnlyDictionary<string, string>? stored)
    {
        var known = adapter.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        if (given.Keys.FirstOrDefault(name => !known.Contains(name)) is { } unknown)
        {
            throw new ArgumentException($"'{unknown}' is not a {adapter.Platform} field; the fields are {string.Join(", ", known)}.", nameof(given));
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in adapter.Fields)
        {
            var value = given.GetValueOrDefault(field.Name)?.Trim() is { Length: > 0 } trimmed ? trimmed
                : stored?.GetValueOrDefault(field.Name) is { Length: > 0 } kept ? kept
                : field.Kind == ChannelFieldKind.Generated ? RandomNumberGenerator.GetString(TokenAlphabet, GeneratedTokenLength)
                : throw new ArgumentException($"The {adapter.Platform} field '{field.Name}' is required: {field.Description}", nameof(given));
            fields[field.Name] = value;
        }

        ChannelSecrets.Validate(fields);
        return fields;
    }

    private void Store(IChannelAdapter adapter, Dictionary<string, string> fields)
    {
        (_secrets, _tokens.Token) = (null, null);
        state.State.ProtectedCredentials = secrets.Protect(fields);
        state.State.CredentialFields = [.. fields.Keys.Order(StringComparer.Ordinal)];
        state.State.Settings = adapter.Fields.Where(f => f.Kind != ChannelFieldKind.Secret).ToDictionary(f => f.Name, f => fields[f.Name], StringComparer.Ordinal);
        state.State.CredentialsUpdatedAt = time.GetUtcNow();
    }

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Channel {Channel} could not download media {MediaId}: {Kind} ({Code}: {Title})")]
    private partial void LogMediaFailed(string channel, string mediaId, SendFailureKind kind, string code, string title);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Channel {Channel} could not send message {MessageId}: {Kind} ({Code}: {Title})")]
    private partial void LogRefused(string channel, string messageId, SendFailureKind kind, string code, string title);

    private IReadOnlyDictionary<string, string> Secrets() =>
        state.State.ProtectedCredentials is { } protectedFields ? secrets.Unprotect(protectedFields) : new Dictionary<string, string>();

    private ChannelInfo Info()
    {
        var key = OrganisationScoped.Parse(this.GetPrimaryKeyString());
        var limitedUntil = LimitedUntil();
        var status = state.State.Disabled ? ChannelStatus.Disabled
            : state.State.NeedsReconnectSince is not null ? ChannelStatus.NeedsReconnect
            : limitedUntil is not null ? ChannelStatus.RateLimited
            : ChannelStatus.Active;
        return new ChannelInfo(key.OrganisationId, key.Id, state.State.Platform, state.State.Name, status, status == ChannelStatus.RateLimited ? limitedUntil : null);
    }

    private ChannelDetails Details()
    {
        var info = Info();
        var webhookPath = info.Platform == Platform.WebChat ? null : $"/webhooks/{PlatformNames.Of(info.Platform)}/{info.ChannelId}";

        // A web chat's website token is public (the widget's page carries it), so it is shown like a setting.
        var settings = new Dictionary<string, string>(state.State.Settings);
        if (state.State.WebsiteToken is { } websiteToken)
        {
            settings[ChannelHandles.WebsiteTokenField] = websiteToken;
        }

        return new(info, [.. state.State.CredentialFields], state.State.CredentialsUpdatedAt, settings, webhookPath, state.State.DiscardedWhileDisabled);
    }
}
