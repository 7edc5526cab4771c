using Inbox.Channels;
using Inbox.Channels.Outbound;
using Inbox.Contracts.Audit;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Errors;
using Inbox.Contracts.Events;
using Inbox.Contracts.Grains;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Security;
using Inbox.Grains.Audit;
using Inbox.Grains.Storage;
using Inbox.Hosting.Media;
using Inbox.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Grains.Conversations;

/// <summary>
/// One conversation. Each message is appended to the message log (the truth) and published to everyone watching; then
/// its audit entry is written, batched with other conversations' entries, and the conversation's list row is handed
/// to the organisation's list writer, which stores it a while later with whatever changed meanwhile (see
/// <see cref="IndexAsync"/>). The last messages are kept in memory so the chat pane's first page needs no storage
/// read, and the external ids of the messages within the platforms' redelivery period, so a redelivery is recognised
/// without a storage read or a marker row (see <see cref="RedeliveryWindow"/>).
/// </summary>
public sealed partial class ConversationGrain(
    [PersistentState(stateName: "conversation", storageName: GrainStorage.Name)] IPersistentState<ConversationState> state,
    MessageLog log,
    AuditTrail audit,
    IOptions<RoutingOptions> routingOptions,
    ILogger<ConversationGrain> logger,
    TimeProvider time) : Grain, IConversationGrain, IRemindable
{
    private static readonly TimeSpan EarlyStatusLifetime = TimeSpan.FromMinutes(2);

    internal const int RecentCapacity = 20;
    private const int MaxPageSize = 100;

    private readonly List<MessageRecord> _recent = [];
    private readonly RedeliveryWindow _redeliveries = new();
    private OrganisationScoped _key;
    private long _lastSequence;
    private string _lastPreview = "";
    private DateTimeOffset _lastActivityAt;
    private bool _indexStale;

    // The list row being handed to the list writer, if any; see IndexAsync.
    private Task _indexing = Task.CompletedTask;

    // True once the list row is stored or on its way (read at activation or handed over since): it is then replaced,
    // not upserted.
    private bool _indexExists;

    // Customers' files are downloaded one message after another, after the message is stored and answered.
    private Task _downloads = Task.CompletedTask;

    // Status webhooks that beat the send's own answer (the platform id is not stored yet), applied when it is.
    private readonly Dictionary<string, DeliveryUpdate> _earlyStatuses = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = OrganisationScoped.Parse(this.GetPrimaryKeyString());
        if (!state.RecordExists)
        {
            return;
        }

        var indexed = await ListWriter().GetAsync(_key.Id);
        _indexExists = indexed is not null;
        _lastSequence = indexed?.LastSequence ?? 0;
        _lastPreview = indexed?.LastMessagePreview ?? "";
        _lastActivityAt = indexed?.LastActivityAt ?? state.State.CreatedAt;

        // The stored row lags the log by the messages since the list writer last stored it (or lost it in a crash);
        // reading the log from a little before the stored end finds them and fills the recent cache in the same query.
        var recentFrom = Math.Max(1, _lastSequence - RecentCapacity + 1);
        if (recentFrom > 1)
        {
            var since = time.GetUtcNow() - RedeliveryWindow.Lifetime;
            var from = Math.Max(1, recentFrom - RedeliveryWindow.Capacity + RecentCapacity);
            foreach (var (sequence, kind, externalId, at) in await log.ReadExternalIdsAsync(_key.Key, from, recentFrom, since, cancellationToken))
            {
                _redeliveries.Add(kind, externalId, sequence, at);
            }
        }

        var recent = await log.ReadRangeAsync(_key.Key, recentFrom, null, cancellationToken);
        Remember(recent);
        RecoverReplyWindow(indexed, recent);
        _ = IndexAsync();
    }

    // A graceful deactivation (idle, shutdown, rebalancing) hands over the list row a failed hand-over left stale.
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => IndexAsync();

    public async Task<ConversationSummary> StartAsync(ConversationStart start)
    {
        if (state.RecordExists)
        {
            return Summary();
        }

        var now = time.GetUtcNow();
        state.State = new ConversationState
        {
            ChannelId = start.ChannelId,
            Platform = start.Platform,
            ContactId = start.ContactId,
            ContactName = start.ContactName,
            ChannelUserId = start.ChannelUserId,
            Status = ConversationStatus.Open,
            CreatedAt = now,
        };
        _lastActivityAt = now;
        await SaveStateAsync();
        await IndexAsync();
        var summary = Summary();
        Publish(new InboxEvent(EventNames.ConversationCreated, _lastSequence, summary, null));
        return summary;
    }

    public Task<ConversationSummary?> GetSummaryAsync() =>
        Task.FromResult(Exists() && MayRead() ? Summary() : null);

    public async Task<MessageRecord> ReceiveAsync(InboundMessage message)
    {
        EnsureReadable();
        if (MessageText.ValidateInbound(message.Text, message.HasContentBesidesText) is { } problem)
        {
            throw new ArgumentException(problem, nameof(message));
        }

        var s = state.State;
        if (s.Platform == Platform.WebChat && (await Channel().GetAsync())?.Status == ChannelStatus.Disabled)
        {
            // A platform's webhooks are dropped at the door; the web chat is ours, so its visitor is told.
            throw new ConflictException("This chat is closed for now; please reach us another way.");
        }

        if (await FindRedeliveryAsync(MessageKind.Incoming, message.ExternalId) is null && await IsClosedAsync())
        {
            throw new ConversationClosedException(_key.Key);
        }

        CustomerWrote(message.SentAt);
        var (stored, isNew) = await AppendAsync(Draft(MessageKind.Incoming, message.Text, s.ContactId, s.ContactName, message.ExternalId, DeliveryStatus.Delivered) with
        {
            Attachments = message.Attachments is { Count: > 0 } attachments ? attachments : null,
            Location = message.Location,
            Notice = message.Notice,
        });
        if (isNew && stored.Attachments is { Count: > 0 } && s.Platform != Platform.WebChat)
        {
            _downloads = DownloadAfterAsync(_downloads, stored);
        }

        if (isNew)
        {
            await OnCustomerWroteAsync(stored);

            // A customer who writes can be written to: whatever blocked them is over.
            if (s.BlockedAt is { } blockedAt && stored.CreatedAt > blockedAt)
            {
                await SetReachableAsync(true, stored.CreatedAt);
            }
        }

        return stored;
    }

    public async Task<MessageRecord> ReplyAsync(AgentReply reply)
    {
        EnsureReadable();
        var file = reply.Attachments is { Count: > 0 } files ? files : null;
        if ((MessageText.ValidateReply(reply.Text, file is not null) ?? MessageText.ValidateQuickReplies(reply.QuickReplies, state.State.Platform, MaxQuickRepliesOn(state.State.Platform)) ?? ValidateFile(file)) is { } problem)
        {
            throw new ArgumentException(problem, nameof(reply));
        }

        var channel = await Channel().GetAsync();
        if (channel?.SendRefusal is { } refusal)
        {
            throw new ConflictException(refusal);
        }

        await EnsureReplyWindowOpenAsync(reply.ClientMessageId);

        // Web chat hands a reply to the widget hub as soon as it is stored. A platform reply is stored Pending (saying
        // why it waits when the channel holds replies), then queued in the channel's durable outbox before the agent
        // hears back; the channel's report and the platform's status webhooks move it on.
        var platform = state.State.Platform != Platform.WebChat;
        var blocked = platform && state.State.BlockedAt is not null;
        var (message, _) = await AppendAsync(
            Draft(MessageKind.Outgoing, reply.Text, reply.AuthorId, reply.AuthorName, reply.ClientMessageId, blocked ? DeliveryStatus.Failed : platform ? DeliveryStatus.Pending : DeliveryStatus.Sent)
                with
                {
                    QuickReplies = reply.QuickReplies is { Count: > 0 } replies ? replies : null,
                    Attachments = file,
                    Notice = blocked
                        ? $"Not delivered: the customer cannot be reached on this channel (they blocked the business on {PlatformNames.Of(state.State.Platform)})."
                        : platform ? channel?.HoldNotice : null,
                },
            next: platform && !blocked ? QueueAsync : null);
        return message;
    }

    public async Task ReportSendAsync(long sequence, DeliveryReport report)
    {
        EnsureExists();
        var changed = await ChangeAsync(sequence, m => ApplySendReport(m, report));
        if (changed && report.PlatformMessageId is { } platformId && _earlyStatuses.Remove(platformId, out var early))
        {
            await ChangeAsync(sequence, m => Advance(m, early.Status, null, early.Notice));
        }

        if (changed && report.FailureKind == SendFailureText.WireName(SendFailureKind.RecipientUnreachable))
        {
            await NoteUnreachableAsync();
        }
    }

    public async Task UpdateDeliveryAsync(DeliveryUpdate update)
    {
        EnsureExists();
        if (update.PlatformMessageId is not { } platformId)
        {
            // A watermark: every outgoing message sent up to its time got there.
            foreach (var sent in _recent.Where(m => m.Kind == MessageKind.Outgoing && m.CreatedAt <= update.At && m.PlatformMessageId is not null).ToList())
            {
                await ChangeAsync(sent.Sequence, m => Advance(m, update.Status, null, null));
            }

            return;
        }

        var sequence = _recent.FindLast(m => m.PlatformMessageId == platformId)?.Sequence ?? await log.FindByPlatformIdAsync(_key.Key, platformId);
        if (sequence is { } known)
        {
            // WhatsApp mostly reports an unreachable customer (131026) this way, after the send was accepted.
            if (await ChangeAsync(known, m => Advance(m, update.Status, null, update.Notice)) && update.FailureKind == SendFailureText.WireName(SendFailureKind.RecipientUnreachable))
            {
                await NoteUnreachableAsync();
            }
        }
        else
        {
            ForgetStaleEarlyStatuses();
            _earlyStatuses[platformId] = update;
        }
    }

    public async Task UpdateContactAsync(string? name, bool hasAvatar)
    {
        EnsureExists();
        var s = state.State;
        var newName = string.IsNullOrWhiteSpace(name) ? s.ContactName : name.Trim();
        if (newName == s.ContactName && hasAvatar == s.ContactHasAvatar)
        {
            return;
        }

        (s.ContactName, s.ContactHasAvatar) = (newName, hasAvatar);
        await SaveStateAsync();
        await IndexAsync();
        Publish(new InboxEvent(EventNames.ConversationUpdated, _lastSequence, Summary(), null));
    }

    public async Task<MessageAttachment?> GetAttachmentAsync(long sequence, string attachmentId)
    {
        EnsureReadable();
        if (sequence < 1 || sequence > _lastSequence)
        {
            return null;
        }

        var message = await ReadMessageAsync(sequence);
        return message?.Attachments?.FirstOrDefault(a => a.AttachmentId == attachmentId);
    }

    public async Task<MessagePage> GetMessagesAsync(long? before, int limit)
    {
        EnsureReadable();
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var end = Math.Min(before ?? long.MaxValue, _lastSequence + 1);
        var from = Math.Max(1, end - limit);
        if (end <= from)
        {
            return new MessagePage([], false);
        }

        var messages = _recent.Count > 0 && _recent[0].Sequence <= from
            ? _recent.Where(m => m.Sequence >= from && m.Sequence < end).ToList()
            : await log.ReadRangeAsync(_key.Key, from, end);
        return new MessagePage(messages, from > 1);
    }

    private MessageRecord Draft(MessageKind kind, string text, string authorId, string authorName, string? externalId, DeliveryStatus status) =>
        new(_key.Id, 0, GrainKeys.NewId("msg"), kind, text, authorId, authorName, externalId, status, time.GetUtcNow());

    /// <summary>
    /// Stores <paramref name="draft"/> as the next message, then publishes it as <paramref name="eventType"/>
    /// (message.created when null) and records <paramref name="note"/> in the audit log (the message's own entry when null).
    /// <paramref name="next"/>, if any, runs once a new message is stored and published, while its audit entry and list
    /// row are written.
    /// </summary>
    private async Task<(MessageRecord Message, bool Stored)> AppendAsync(
        MessageRecord draft, string? eventType = null, AuditNote? note = null, Func<MessageRecord, Task>? next = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await FindRedeliveryAsync(draft.Kind, draft.ExternalId) is { } earlier)
            {
                _ = IndexAsync();
                return (earlier, false);
            }

            var message = draft with { Sequence = _lastSequence + 1 };
            if (await log.AppendAsync(_key.Key, message))
            {
                await OnAppendedAsync(message, eventType ?? EventNames.MessageCreated, note ?? MessageNote(message), next);
                return (message, true);
            }

            // The sequence is taken: an earlier call stored a message but its answer was lost, or another activation
            // wrote. Catch up from the log and try again; the redelivery checks above find a retried message.
            if (attempt >= 2)
            {
                throw new InvalidOperationException($"Conversation '{_key.Key}' could not append after catching up with its log.");
            }

            Remember(await log.ReadRangeAsync(_key.Key, _lastSequence + 1, null));
        }
    }

    private async Task OnAppendedAsync(MessageRecord message, string eventType, AuditNote note, Func<MessageRecord, Task>? next)
    {
        Remember([message]);

        // Stored is enough for everyone watching to see it. The audit entry is in before the caller hears back, and the
        // list shows the message. Neither holds up what comes next (a reply's way to its channel): a busy
        // organisation's audit entries gather for a while.
        Publish(new InboxEvent(eventType, message.Sequence, Summary(), message));
        var indexed = IndexAsync();
        var audited = audit.RecordAsync(_key.OrganisationId, note.Action, AuditSubjects.Conversation, _key.Id, note.Before, note.After);
        try
        {
            if (next is not null)
            {
                await next(message);
            }
        }
        finally
        {
            await audited;
            await indexed;
        }
    }

    /// <summary>Stores the grain's own state; the list row shows it, so the row goes with the next index write.</summary>
    private async Task SaveStateAsync()
    {
        await state.WriteStateAsync();
        _indexStale = true;
    }

    // The audit entry names the message, never its text: the log says who did what, the conversation holds what was said.
    private static AuditNote MessageNote(MessageRecord message) => new(
        message.Kind switch
        {
            MessageKind.Incoming => AuditActions.MessageReceived,
            MessageKind.Note => AuditActions.NoteAdded,
            _ => AuditActions.MessageSent,
        },
        null,
        new { message.MessageId, message.Sequence, message.Kind, message.DeliveryStatus });

    /// <summary>What the audit log records about a change besides who made it and when.</summary>
    private sealed record AuditNote(string Action, object? Before, object? After);

    // Queued before the agent hears back, so a stored reply is either in the channel's outbox or marked failed.
    private async Task QueueAsync(MessageRecord message)
    {
        try
        {
            await Channel().EnqueueAsync(new OutboundReply(
                _key.Id, message.Sequence, message.MessageId, state.State.ChannelUserId, message.Text, message.QuickReplies, message.Attachments is [var attachment, ..] ? attachment : null));
        }
        catch (Exception e)
        {
            LogSendCrashed(e, _key.Key, message.Sequence);
            var notice = e is ConflictException conflict ? $"Not sent: {conflict.Message}" : "Not sent: the inbox could not queue the message on its channel; send it again.";
            await ChangeAsync(message.Sequence, m => ApplySendReport(m, new DeliveryReport(DeliveryStatus.Failed, null, notice, SendFailureText.WireName(SendFailureKind.Transient))));
        }
    }

    public async Task SetReachableAsync(bool reachable, DateTimeOffset at)
    {
        EnsureExists();
        var s = state.State;
        if ((s.BlockedAt is null) == reachable || (s.BlockedAt is { } blockedAt && !reachable && at <= blockedAt))
        {
            return;
        }

        s.BlockedAt = reachable ? null : at;
        await state.WriteStateAsync();
        var platform = PlatformNames.Of(s.Platform);
        await AppendAsync(Draft(MessageKind.Activity, reachable
            ? $"The customer unblocked the business on {platform}: replies reach them again."
            : $"The customer blocked the business on {platform}: replies cannot reach them until they unblock it.", "system", "Inbox", null, DeliveryStatus.Delivered));
    }

    // Said once in a row: further failures to the same customer only mark their messages.
    private async Task NoteUnreachableAsync()
    {
        var text = $"The customer cannot be reached on {PlatformNames.Of(state.State.Platform)}: they may have blocked the business, left, or lost their account. Replies will not arrive until they write again.";
        if (_recent.FindLast(m => m.Kind is MessageKind.Activity or MessageKind.Incoming) is { Kind: MessageKind.Activity } last && last.Text == text)
        {
            return;
        }

        await AppendAsync(Draft(MessageKind.Activity, text, "system", "Inbox", null, DeliveryStatus.Delivered));
    }

    /// <summary>
    /// A pending reply moved on by its channel's report: sent (the held notice cleared), failed, or still pending with a
    /// new notice; null when the message is no longer pending (a report never overrides what the platform said since).
    /// </summary>
    internal static MessageRecord? ApplySendReport(MessageRecord message, DeliveryReport report)
    {
        if (message.Kind != MessageKind.Outgoing || message.DeliveryStatus != DeliveryStatus.Pending)
        {
            return null;
        }

        return report.Status switch
        {
            DeliveryStatus.Pending => report.Notice == message.Notice ? null : message with { Notice = report.Notice },
            DeliveryStatus.Failed => message with { DeliveryStatus = DeliveryStatus.Failed, Notice = report.Notice },
            var status => message with { DeliveryStatus = status, PlatformMessageId = report.PlatformMessageId ?? message.PlatformMessageId, Notice = null },
        };
    }

    // Web chat shows no buttons; each platform says how many it shows.
    private static int MaxQuickRepliesOn(Platform platform) => ChannelSenders.For(PlatformNames.Of(platform))?.MaxQuickReplies ?? 0;

    // One file per reply, already stored under this conversation (a gateway can only have put it there), on a platform channel.
    private string? ValidateFile(IReadOnlyList<MessageAttachment>? file) => file switch
    {
        null => null,
        _ when state.State.Platform == Platform.WebChat => "Web chat cannot receive files yet; send a link instead.",
        { Count: > 1 } => "Send one file per message.",
        [{ BlobName: { } blob }] when blob.StartsWith($"{_key.OrganisationId}/{_key.Id}/", StringComparison.Ordinal) => null,
        _ => "The file is not stored with this conversation.",
    };

    private async Task DownloadAfterAsync(Task previous, MessageRecord message)
    {
        await previous;
        try
        {
            var channel = Channel();
            var reports = new List<MediaReport>();
            foreach (var attachment in message.Attachments!)
            {
                var blobName = MediaStore.BlobName(_key.OrganisationId, _key.Id, message.MessageId, attachment.AttachmentId);
                reports.Add(await channel.FetchMediaAsync(new MediaRequest(attachment, blobName)));
            }

            var notices = string.Join(" ", reports.Select(r => r.Notice).OfType<string>());
            await ChangeAsync(message.Sequence, m => m with
            {
                Attachments = [.. reports.Select(r => r.Attachment)],
                Notice = notices.Length == 0 ? m.Notice : string.Join(" ", new[] { m.Notice, notices }.OfType<string>()),
            });
        }
        catch (Exception e)
        {
            LogDownloadCrashed(e, _key.Key, message.Sequence);
        }
    }

    /// <summary>Rewrites one stored message with <paramref name="change"/> (null: no change) and tells everyone watching; false when nothing changed.</summary>
    private async Task<bool> ChangeAsync(long sequence, Func<MessageRecord, MessageRecord?> change)
    {
        var current = await ReadMessageAsync(sequence);
        if (current is null || change(current) is not { } changed)
        {
            return false;
        }

        await log.ReplaceAsync(_key.Key, changed, newPlatformId: changed.PlatformMessageId != current.PlatformMessageId);
        var cached = _recent.FindIndex(m => m.Sequence == sequence);
        if (cached >= 0)
        {
            _recent[cached] = changed;
        }

        Publish(new InboxEvent(EventNames.MessageUpdated, changed.Sequence, Summary(), changed));
        return true;
    }

    /// <summary>
    /// An outgoing message moved on to <paramref name="status"/>, or null when that is no move: statuses only go forward
    /// (pending → sent → delivered → read), a failure ends anything but read, and read is final.
    /// </summary>
    internal static MessageRecord? Advance(MessageRecord message, DeliveryStatus status, string? platformMessageId, string? notice)
    {
        static int Rank(DeliveryStatus s) => s switch
        {
            DeliveryStatus.Pending => 0,
            DeliveryStatus.Sent => 1,
            DeliveryStatus.Delivered => 2,
            DeliveryStatus.Read => 3,
            _ => 4,
        };

        var forward = message.Kind == MessageKind.Outgoing && message.DeliveryStatus switch
        {
            DeliveryStatus.Read or DeliveryStatus.Failed => false,
            var from => status == DeliveryStatus.Failed || Rank(status) > Rank(from),
        };
        var newId = platformMessageId is not null && platformMessageId != message.PlatformMessageId;
        if (!forward && !newId)
        {
            return null;
        }

        return message with
        {
            DeliveryStatus = forward ? status : message.DeliveryStatus,
            PlatformMessageId = platformMessageId ?? message.PlatformMessageId,
            Notice = forward && status == DeliveryStatus.Failed ? notice : message.Notice,
        };
    }

    private void ForgetStaleEarlyStatuses()
    {
        var now = time.GetUtcNow();
        foreach (var stale in _earlyStatuses.Where(e => now - e.Value.At > EarlyStatusLifetime).Select(e => e.Key).ToList())
        {
            _earlyStatuses.Remove(stale);
        }
    }

    [LoggerMessage(EventId = 4302, Level = LogLevel.Error, Message = "Downloading the files of message {Sequence} of conversation {Conversation} failed inside the inbox")]
    private partial void LogDownloadCrashed(Exception exception, string conversation, long sequence);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Warning, Message = "Handing the list row of conversation {Conversation} to its writer failed; it is handed over again with its next change")]
    private partial void LogIndexFailed(Exception exception, string conversation);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Error, Message = "Sending message {Sequence} of conversation {Conversation} failed inside the inbox")]
    private partial void LogSendCrashed(Exception exception, string conversation, long sequence);

    /// <summary>
    /// Hands the list row to the organisation's list writer, which lists it at once and stores it a while later (see
    /// <see cref="ConversationListWriterGrain"/>); callers that answer a request await it, repairs do not. The row is
    /// derived from the log and this grain's state, so it goes after them: while one hand-over is in flight, later
    /// changes only mark it stale and the next one carries them all, so the writer gets them in order. A failed
    /// hand-over leaves it stale, to go with the next change or at deactivation; a reactivated grain reads the log past
    /// the stored end and hands the row over again. Never throws.
    /// </summary>
    private Task IndexAsync()
    {
        if (_indexStale && _indexing.IsCompleted)
        {
            _indexing = WriteIndexAsync();
        }

        return _indexing;
    }

    private async Task WriteIndexAsync()
    {
        while (_indexStale)
        {
            _indexStale = false;
            try
            {
                await ListWriter().WriteAsync(Summary(), _indexExists);
                _indexExists = true;
            }
            catch (Exception e)
            {
                _indexStale = true;
                LogIndexFailed(e, _key.Key);
                return;
            }
        }
    }

    /// <summary>The message stored earlier under this external id within the redelivery window, or null.</summary>
    private async Task<MessageRecord?> FindRedeliveryAsync(MessageKind kind, string? externalId)
    {
        if (externalId is null || _redeliveries.Find(kind, externalId, time.GetUtcNow()) is not { } sequence)
        {
            return null;
        }

        // The window keeps hashes: the stored message confirms the id.
        var stored = await ReadMessageAsync(sequence);
        return stored is not null && stored.Kind == kind && stored.ExternalId == externalId ? stored : null;
    }

    private async Task<MessageRecord?> ReadMessageAsync(long sequence) =>
        _recent.Find(m => m.Sequence == sequence) ?? (await log.ReadRangeAsync(_key.Key, sequence, sequence + 1)).SingleOrDefault();

    /// <summary>
    /// Takes in messages read from or just written to the log, in sequence order: they fill the recent cache, and any
    /// newer than what the index knows move the conversation's end forward and mark the index row for rewriting.
    /// </summary>
    private void Remember(List<MessageRecord> messages)
    {
        _recent.AddRange(messages);
        foreach (var message in messages)
        {
            if (message.ExternalId is { } externalId)
            {
                _redeliveries.Add(message.Kind, externalId, message.Sequence, message.CreatedAt);
            }
        }

        if (_recent.Count > RecentCapacity)
        {
            _recent.RemoveRange(0, _recent.Count - RecentCapacity);
        }

        var newest = messages.LastOrDefault();
        if (newest is not null && newest.Sequence > _lastSequence)
        {
            // The list shows what was said: notes and the chat's notices move the end, not the preview or the activity time.
            _lastSequence = newest.Sequence;
            if (messages.LastOrDefault(m => m.Kind is MessageKind.Incoming or MessageKind.Outgoing) is { } said)
            {
                (_lastPreview, _lastActivityAt) = (MessageText.Preview(said), said.CreatedAt);
            }

            _indexStale = true;
        }
    }

    private IConversationListWriterGrain ListWriter() => GrainFactory.Get<IConversationListWriterGrain>(_key.OrganisationId);

    private IChannelGrain Channel() => GrainFactory.Get<IChannelGrain>(GrainKeys.Compose(_key.OrganisationId, state.State.ChannelId));

    private void Publish(InboxEvent inboxEvent) =>
        GrainFactory.Get<IEventFeedGrain>(_key.OrganisationId).PublishAsync(inboxEvent).Ignore();

    private void EnsureExists()
    {
        if (!Exists())
        {
            throw new ConversationNotFoundException(_key.Key);
        }
    }

    // A conversation the caller may not see is answered exactly like one that does not exist, so guessing ids
    // teaches nothing.
    private void EnsureReadable()
    {
        if (!Exists() || !MayRead())
        {
            throw new ConversationNotFoundException(_key.Key);
        }
    }

    // A call with no caller was made inside the cluster without one (the filter refuses such calls from outside).
    private bool MayRead() => CallerContext.Current is not { } caller || ConversationAccess.MayRead(caller, Summary());

    // An activation for a key that names no conversation (a mistyped id) is not kept around.
    private bool Exists()
    {
        if (!state.RecordExists)
        {
            DeactivateOnIdle();
        }

        return state.RecordExists;
    }

    private ConversationSummary Summary()
    {
        var s = state.State;
        return new ConversationSummary(
            _key.OrganisationId,
            _key.Id,
            s.ChannelId,
            s.Platform,
            s.ContactId,
            s.ContactName,
            s.ChannelUserId,
            s.Status,
            s.AssigneeId,
            _lastSequence,
            _lastPreview,
            s.CreatedAt,
            _lastActivityAt,
            s.TeamId,
            s.ContactHasAvatar,
            s.Priority,
            s.WaitingSince,
            s.SnoozedUntil,
            s.Revision,
            s.ObserverIds.Count > 0 ? [.. s.ObserverIds] : null,
            _replyWindowClosesAt);
    }
}
