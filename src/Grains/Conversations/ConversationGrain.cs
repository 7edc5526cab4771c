using Inbox.Contracts.Audit;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Events;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Security;
using Inbox.Grains.Audit;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Conversations;

/// <summary>
/// One conversation. Each message is appended to the message log and then the conversation's row in the index is
/// rewritten: two storage writes per message. The last messages are kept in memory so the chat pane's first page
/// and redelivery checks need no storage read.
/// </summary>
public sealed class ConversationGrain(
    [PersistentState(stateName: "conversation", storageName: GrainStorage.Name)] IPersistentState<ConversationState> state,
    MessageLog log,
    ConversationIndex index,
    AuditTrail audit,
    TimeProvider time) : Grain, IConversationGrain
{
    internal const int RecentCapacity = 20;
    private const int MaxPageSize = 100;

    private readonly List<MessageRecord> _recent = [];
    private OrganisationScoped _key;
    private long _lastSequence;
    private string _lastPreview = "";
    private DateTimeOffset _lastActivityAt;
    private bool _indexStale;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = OrganisationScoped.Parse(this.GetPrimaryKeyString());
        if (!state.RecordExists)
        {
            return;
        }

        var indexed = await index.GetAsync(_key.OrganisationId, _key.Id, cancellationToken);
        _lastSequence = indexed?.LastSequence ?? 0;
        _lastPreview = indexed?.LastMessagePreview ?? "";
        _lastActivityAt = indexed?.LastActivityAt ?? state.State.CreatedAt;

        // The index can lag the log by the messages whose index write failed; reading the log from a little before
        // the indexed end finds them and fills the recent cache in the same query.
        Remember(await log.ReadRangeAsync(_key.Key, Math.Max(1, _lastSequence - RecentCapacity + 1), null, cancellationToken));
    }

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
        await state.WriteStateAsync();
        var summary = Summary();
        await index.UpsertAsync(summary);
        Publish(new InboxEvent(EventNames.ConversationCreated, _lastSequence, summary, null));
        return summary;
    }

    public Task<ConversationSummary?> GetSummaryAsync() =>
        Task.FromResult(Exists() && MayRead() ? Summary() : null);

    public Task<MessageRecord> ReceiveAsync(InboundMessage message)
    {
        EnsureReadable();
        if (MessageText.ValidateInbound(message.Text, message.HasContentBesidesText) is { } problem)
        {
            throw new ArgumentException(problem, nameof(message));
        }

        var s = state.State;
        return AppendAsync(Draft(MessageKind.Incoming, message.Text, s.ContactId, s.ContactName, message.ExternalId, DeliveryStatus.Delivered) with
        {
            Attachments = message.Attachments is { Count: > 0 } attachments ? attachments : null,
            Location = message.Location,
            Notice = message.Notice,
        });
    }

    public Task<MessageRecord> ReplyAsync(AgentReply reply)
    {
        EnsureReadable();
        if (MessageText.Validate(reply.Text) is { } problem)
        {
            throw new ArgumentException(problem, nameof(reply));
        }

        // Web chat hands a reply to the widget hub as soon as it is stored; platform channels will start at Pending
        // and move on with the platform's status webhooks.
        return AppendAsync(Draft(MessageKind.Outgoing, reply.Text, reply.AuthorId, reply.AuthorName, reply.ClientMessageId, DeliveryStatus.Sent));
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

    private async Task<MessageRecord> AppendAsync(MessageRecord draft)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (FindRedelivery(draft.Kind, draft.ExternalId) is { } recent)
            {
                await RepairIndexAsync();
                return recent;
            }

            var message = draft with { Sequence = _lastSequence + 1 };
            var result = await log.AppendAsync(_key.Key, message);
            switch (result.Outcome)
            {
                case AppendOutcome.Stored:
                    await OnAppendedAsync(message);
                    return message;
                case AppendOutcome.Duplicate:
                    // A redelivery older than the recent cache: the marker row found the message stored before.
                    await RepairIndexAsync();
                    return result.Existing!;
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

    private async Task OnAppendedAsync(MessageRecord message)
    {
        Remember([message]);

        // The audit entry names the message, never its text: the log says who did what, the conversation holds what was said.
        await Task.WhenAll(
            RepairIndexAsync(),
            audit.RecordAsync(
                _key.OrganisationId,
                message.Kind == MessageKind.Incoming ? AuditActions.MessageReceived : AuditActions.MessageSent,
                AuditSubjects.Conversation,
                _key.Id,
                after: new { message.MessageId, message.Sequence, message.Kind, message.DeliveryStatus }));
        Publish(new InboxEvent(EventNames.MessageCreated, message.Sequence, Summary(), message));
    }

    private async Task RepairIndexAsync()
    {
        if (_indexStale)
        {
            await index.UpsertAsync(Summary());
            _indexStale = false;
        }
    }

    private MessageRecord? FindRedelivery(MessageKind kind, string? externalId) =>
        externalId is null ? null : _recent.FindLast(m => m.Kind == kind && m.ExternalId == externalId);

    /// <summary>
    /// Takes in messages read from or just written to the log, in sequence order: they fill the recent cache, and any
    /// newer than what the index knows move the conversation's end forward and mark the index row for rewriting.
    /// </summary>
    private void Remember(List<MessageRecord> messages)
    {
        _recent.AddRange(messages);
        if (_recent.Count > RecentCapacity)
        {
            _recent.RemoveRange(0, _recent.Count - RecentCapacity);
        }

        var newest = messages.LastOrDefault();
        if (newest is not null && newest.Sequence > _lastSequence)
        {
            (_lastSequence, _lastPreview, _lastActivityAt) = (newest.Sequence, MessageText.Preview(newest), newest.CreatedAt);
            _indexStale = true;
        }
    }

    private void Publish(InboxEvent inboxEvent) =>
        GrainFactory.GetGrain<IEventFeedGrain>(_key.OrganisationId).PublishAsync(inboxEvent).Ignore();

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
            s.TeamId);
    }
}
