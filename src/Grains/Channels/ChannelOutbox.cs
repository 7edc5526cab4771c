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
using Microsoft.Extensions.Logging;

namespace Inbox.Grains.Channels;

/// <summary>
/// The channel's outbox: every reply is written to <see cref="OutboxStore"/> before it goes, sent at the platform's
/// pace by <see cref="OutboxSchedule"/>, and deleted once its conversation knows the platform's answer. Passing errors
/// are retried with backoff; a rate limit holds the channel until the platform's retry-after; a refused token holds it
/// until an admin gives a new one. A reminder brings the channel back while replies wait, so a queue whose silo
/// stopped resumes on another. A reply handed to a platform without idempotency keys whose answer was lost (the silo
/// died mid-call) is not sent again: it is marked failed saying it may or may not have arrived.
/// </summary>
public sealed partial class ChannelGrain : IRemindable
{
    private const string OutboxReminder = "outbox";
    private static readonly TimeSpan RateAlertEvery = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan InboxRetry = TimeSpan.FromSeconds(5);
    private const int ReportAttempts = 3;

    private const string UncertainNotice =
        "Not confirmed: the inbox was interrupted while the platform took this message, so it may or may not have reached the customer. Check with them before sending it again.";

    private const string DisabledNotice = "Not sent: an admin disabled the channel before this message went out.";

    private OutboxSchedule? _queue;
    private readonly Dictionary<long, Task> _sending = [];
    private readonly SendCounter _sent = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _pump = Task.CompletedTask;
    private long _nextOrder = 1;
    private bool _stopping;
    private bool _reminderSet;
    private int _rateLimitStreak;
    private DateTimeOffset? _rateAlertedAt;
    private ChannelStatus _publishedStatus;

    private DateTimeOffset Now => platformClock.Time.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _publishedStatus = state.RecordExists ? Info().Status : ChannelStatus.Active;
        if (!state.RecordExists || AdapterFor(state.State.Platform) is null)
        {
            return;
        }

        var entries = await outbox.ReadAsync(this.GetPrimaryKeyString(), cancellationToken);
        var queue = Queue();
        foreach (var entry in entries)
        {
            _nextOrder = Math.Max(_nextOrder, entry.Order + 1);
            queue.Add(entry);
        }

        if (entries.Count > 0)
        {
            _reminderSet = true;
            Kick();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _stopping = true;
        _wake.TrySetResult();

        // Replies already with the platform finish, so their answers are recorded and none is left in doubt; the rest
        // stay in the outbox for the next activation.
        try
        {
            await Task.WhenAll(_sending.Values).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Deactivation ran out of time: what is still sending is settled by the next activation.
        }
    }

    public async Task EnqueueAsync(OutboundReply reply)
    {
        if (!state.RecordExists || AdapterFor(state.State.Platform) is null)
        {
            throw new InvalidOperationException($"Channel '{this.GetPrimaryKeyString()}' is not a connected platform channel.");
        }

        if (Info().SendRefusal is { } refusal)
        {
            throw new ConflictException(refusal);
        }

        var queue = Queue();
        if (queue.Contains(reply.MessageId))
        {
            return;
        }

        var entry = new OutboxEntry(_nextOrder++, reply, time.GetUtcNow());
        for (var attempt = 0; !await outbox.AddAsync(this.GetPrimaryKeyString(), entry); attempt++)
        {
            // The order number is taken (an earlier activation's row): take the next one.
            if (attempt >= 100)
            {
                throw new InvalidOperationException($"Channel '{this.GetPrimaryKeyString()}' could not find a free place in its outbox.");
            }

            entry = entry with { Order = _nextOrder++ };
        }

        queue.Add(entry);
        await EnsureReminderAsync();
        Kick();
    }

    public Task<ChannelHealth?> GetHealthAsync() => Task.FromResult(state.RecordExists ? Health() : null);

    public async Task<ChannelHealth> SetRateAsync(double? perSecond)
    {
        if (!state.RecordExists)
        {
            throw new ChannelNotFoundException(this.GetPrimaryKeyString());
        }

        if (Limits() is not { } before)
        {
            throw new ArgumentException("A web-chat channel has no platform limit to set.", nameof(perSecond));
        }

        if (perSecond is { } rate && (double.IsNaN(rate) || rate is < 0.1 or > 10_000))
        {
            throw new ArgumentException("Give the channel's pace as 0.1-10000 messages per second, or none to go back to the platform's documented limit.", nameof(perSecond));
        }

        state.State.RatePerSecond = perSecond;
        await state.WriteStateAsync();
        var limits = Limits()!;
        Queue().Change(limits, Now);
        var key = OrganisationScoped.Parse(this.GetPrimaryKeyString());
        await audit.RecordAsync(key.OrganisationId, AuditActions.ChannelRateChanged, AuditSubjects.Channel, key.Id,
            new { RatePerSecond = before.PerSecond }, new { RatePerSecond = limits.PerSecond });
        Kick();
        return Health();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != OutboxReminder)
        {
            return Task.CompletedTask;
        }

        if (_queue is not { Count: > 0 } && _sending.Count == 0)
        {
            // Nothing waits: the next reply sets it again.
            _reminderSet = false;
            return this.ForgetReminderAsync(OutboxReminder);
        }

        Kick();
        return Task.CompletedTask;
    }

    private async Task EnsureReminderAsync()
    {
        if (_reminderSet)
        {
            return;
        }

        _reminderSet = true;
        try
        {
            await this.RegisterOrUpdateReminder(OutboxReminder, apis.Value.OutboxRecheck, apis.Value.OutboxRecheck);
        }
        catch (Exception e)
        {
            // The queue still goes now; only a silo stop before the next reply could leave it waiting for a call.
            _reminderSet = false;
            LogReminderFailed(e, this.GetPrimaryKeyString());
        }
    }

    /// <summary>Wakes the pump, starting it when it is not running.</summary>
    private void Kick()
    {
        _wake.TrySetResult();
        if (_pump.IsCompleted && !_stopping)
        {
            _pump = PumpAsync();
        }
    }

    /// <summary>Sends what the queue lets go, waits for the next token, hold or answer, and stops when the queue is empty.</summary>
    private async Task PumpAsync()
    {
        // The pump acts for the system, not for the agent whose reply started it.
        CallerContext.Clear();
        await Task.Yield();
        while (!_stopping && _queue is { } queue)
        {
            _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            PublishStatusIfChanged();
            if (state.State.Disabled)
            {
                await FailWaitingAsync(queue, DisabledNotice);
            }

            queue.Paused = state.State.NeedsReconnectSince is not null;
            var (next, wait) = queue.Next(Now, _sending.Count, apis.Value.MaxConcurrentSends);
            if (next is not null)
            {
                _sending[next.Entry.Order] = SendQueuedAsync(queue, next);
                continue;
            }

            if (queue.Count == 0)
            {
                return;
            }

            using var cancel = new CancellationTokenSource();
            var delay = wait == Timeout.InfiniteTimeSpan
                ? Task.Delay(Timeout.InfiniteTimeSpan, cancel.Token)
                : Task.Delay(wait, platformClock.Time, cancel.Token);
            await Task.WhenAny(_wake.Task, delay);
            await cancel.CancelAsync();
        }
    }

    private async Task SendQueuedAsync(OutboxSchedule queue, QueuedReply queued)
    {
        SendResult? result = null;
        try
        {
            var (sender, context) = SendContext();
            if (queued.Entry.Sending && !sender.HasIdempotencyKey)
            {
                // Handed to the platform by an activation that stopped before its answer: sending it again could make two.
                await FinishAsync(queue, queued, new DeliveryReport(DeliveryStatus.Failed, null, UncertainNotice, SendFailureText.WireName(SendFailureKind.Unknown)));
                return;
            }

            if (!queued.Entry.Sending)
            {
                queued.Entry = queued.Entry with { Sending = true };
                await outbox.UpdateAsync(this.GetPrimaryKeyString(), queued.Entry);
            }

            result = await SendNowAsync(sender, context, queued.Entry.Reply);
            await OnAnsweredAsync(queue, queued, sender, result);
        }
        catch (Exception e)
        {
            LogOutboxFailed(e, this.GetPrimaryKeyString(), queued.Entry.Reply.MessageId);
            if (result is SendResult.Accepted)
            {
                // The platform has it; the row left behind tells the next activation not to send it again.
                queue.Remove(queued);
            }
            else
            {
                // The inbox itself failed (storage, a grain call) before the platform took it: try again shortly.
                queued.Entry = queued.Entry with { Sending = false };
                queue.Retry(queued, Now + InboxRetry);
            }
        }
        finally
        {
            _sending.Remove(queued.Entry.Order);
            Kick();
        }
    }

    private async Task OnAnsweredAsync(OutboxSchedule queue, QueuedReply queued, IChannelSender sender, SendResult result)
    {
        var reply = queued.Entry.Reply;
        if (result is SendResult.Accepted accepted)
        {
            _rateLimitStreak = 0;
            _sent.Add(Now);
            await FinishAsync(queue, queued, new DeliveryReport(DeliveryStatus.Sent, accepted.PlatformMessageId));
            return;
        }

        var failure = ((SendResult.Refused)result).Failure;
        LogRefused(this.GetPrimaryKeyString(), reply.MessageId, failure.Kind, failure.Error.Code, failure.Error.Title);
        state.State.LastError = new ChannelError(SendFailureText.WireName(failure.Kind), failure.Error.Code, failure.Error.Title, time.GetUtcNow());
        switch (failure.Kind)
        {
            case SendFailureKind.RateLimited:
                queue.HoldUntil(Now + (failure.RetryAfter is { } asked && asked > TimeSpan.Zero ? asked : Backoff(++_rateLimitStreak)));
                await PutBackAsync(queue, queued, queued.Entry.Attempts, null);
                await TellAsync(reply, Held(Info().HoldNotice));
                await RateLimitedAsync();
                break;
            case SendFailureKind.AuthExpired:
                await PutBackAsync(queue, queued, queued.Entry.Attempts, null);
                await NeedsReconnectAsync(failure, sender.Platform);
                await TellAsync(reply, Held(Info().HoldNotice));
                break;
            case SendFailureKind.Transient when !failure.MayHaveArrived || sender.HasIdempotencyKey:
                var attempts = queued.Entry.Attempts + 1;
                if (attempts >= apis.Value.MaxSendAttempts)
                {
                    await FinishAsync(queue, queued, Failed(failure, sender.Platform));
                    break;
                }

                await PutBackAsync(queue, queued, attempts, Now + Backoff(attempts));
                await TellAsync(reply, Held($"Retrying: {sender.Platform} had a passing problem ({failure.Error.Code}: {failure.Error.Title}); attempt {attempts + 1} of {apis.Value.MaxSendAttempts} follows shortly."));
                break;
            case SendFailureKind.Transient:
                // No answer from a platform without idempotency keys: it may have the message, so it is not sent twice.
                await FinishAsync(queue, queued, new DeliveryReport(DeliveryStatus.Failed, null,
                    $"Not confirmed: {sender.Platform} did not answer in time, so this message may or may not have reached the customer. Check with them before sending it again.",
                    SendFailureText.WireName(failure.Kind)));
                break;
            default:
                await FinishAsync(queue, queued, Failed(failure, sender.Platform));
                break;
        }
    }

    /// <summary>Tells the conversation the outcome, then forgets the reply.</summary>
    private async Task FinishAsync(OutboxSchedule queue, QueuedReply queued, DeliveryReport report)
    {
        await TellAsync(queued.Entry.Reply, report, mustArrive: true);
        await outbox.DeleteAsync(this.GetPrimaryKeyString(), queued.Entry.Order);
        queue.Remove(queued);
    }

    private async Task PutBackAsync(OutboxSchedule queue, QueuedReply queued, int attempts, DateTimeOffset? notBefore)
    {
        queued.Entry = queued.Entry with { Attempts = attempts, Sending = false };
        await outbox.UpdateAsync(this.GetPrimaryKeyString(), queued.Entry);
        queue.Retry(queued, notBefore);
    }

    private async Task FailWaitingAsync(OutboxSchedule queue, string notice)
    {
        foreach (var queued in queue.Entries.Where(q => !_sending.ContainsKey(q.Entry.Order)).ToList())
        {
            try
            {
                await FinishAsync(queue, queued, new DeliveryReport(DeliveryStatus.Failed, null, notice, SendFailureText.WireName(SendFailureKind.InvalidRequest)));
            }
            catch (Exception e)
            {
                LogOutboxFailed(e, this.GetPrimaryKeyString(), queued.Entry.Reply.MessageId);
                return;
            }
        }
    }

    /// <summary>Tells the reply's conversation; a report that must arrive (the final word) is tried a few times, then throws.</summary>
    private async Task TellAsync(OutboundReply reply, DeliveryReport report, bool mustArrive = false)
    {
        var key = OrganisationScoped.Parse(this.GetPrimaryKeyString());
        var conversation = GrainFactory.Get<IConversationGrain>(GrainKeys.Compose(key.OrganisationId, reply.ConversationId));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await conversation.ReportSendAsync(reply.Sequence, report);
                return;
            }
            catch (Exception e) when (attempt < ReportAttempts || !mustArrive)
            {
                if (!mustArrive)
                {
                    LogOutboxFailed(e, this.GetPrimaryKeyString(), reply.MessageId);
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(attempt), platformClock.Time);
            }
        }
    }

    private async Task NeedsReconnectAsync(SendFailure failure, string platform)
    {
        if (state.State.NeedsReconnectSince is not null)
        {
            await state.WriteStateAsync();
            return;
        }

        var before = Info();
        state.State.NeedsReconnectSince = time.GetUtcNow();
        await state.WriteStateAsync();
        Queue().Paused = true;
        var after = Info();
        await audit.RecordAsync(after.OrganisationId, AuditActions.ChannelNeedsReconnect, AuditSubjects.Channel, after.ChannelId,
            new { before.Status }, new { after.Status, Error = state.State.LastError });
        PublishStatusIfChanged();
        Alert($"'{after.Name}' needs reconnecting: {platform} refused its access token ({failure.Error.Code}: {failure.Error.Title}). Replies are held until an admin gives it new credentials.");
    }

    /// <summary>Called when new credentials were stored: a channel that needed reconnecting sends its held replies.</summary>
    private async Task ReconnectedAsync()
    {
        if (state.State.NeedsReconnectSince is null)
        {
            return;
        }

        var before = Info();
        state.State.NeedsReconnectSince = null;
        await state.WriteStateAsync();
        var after = Info();
        await audit.RecordAsync(after.OrganisationId, AuditActions.ChannelReconnected, AuditSubjects.Channel, after.ChannelId, new { before.Status }, new { after.Status });
        PublishStatusIfChanged();
        Alert($"'{after.Name}' is reconnected: {Replies(_queue?.Count ?? 0, "held reply is", "held replies are")} going out.");
        Kick();
    }

    private async Task RateLimitedAsync()
    {
        PublishStatusIfChanged();
        if (_rateAlertedAt is { } alerted && Now - alerted < RateAlertEvery)
        {
            return;
        }

        _rateAlertedAt = Now;
        var info = Info();
        await audit.RecordAsync(info.OrganisationId, AuditActions.ChannelRateLimited, AuditSubjects.Channel, info.ChannelId, null, new { info.LimitedUntil, Error = state.State.LastError });
        Alert($"'{info.Name}' reached {PlatformNames.Of(info.Platform)}'s rate limit: {Replies(_queue?.Count ?? 0, "reply is", "replies are")} queued and go out as soon as it allows.");
    }

    private void PublishStatusIfChanged()
    {
        if (!state.RecordExists)
        {
            return;
        }

        var info = Info();
        if (info.Status != _publishedStatus)
        {
            _publishedStatus = info.Status;
            GrainFactory.Get<IEventFeedGrain>(info.OrganisationId)
                .PublishOrganisationEventAsync(new OrganisationEvent(EventNames.ChannelStatusChanged, info.OrganisationId, Channel: info)).Ignore();
        }
    }

    private void Alert(string text)
    {
        var health = Health() with { Alert = text };
        GrainFactory.Get<IEventFeedGrain>(health.Channel.OrganisationId)
            .PublishOrganisationEventAsync(new OrganisationEvent(EventNames.ChannelAlert, health.Channel.OrganisationId, Channel: health.Channel, Health: health)).Ignore();
    }

    private ChannelHealth Health()
    {
        var limits = Limits();
        var oldest = _queue?.Entries.Select(q => (DateTimeOffset?)q.Entry.QueuedAt).Min();
        return new ChannelHealth(
            Info(),
            _queue?.Count ?? 0,
            oldest,
            _sent.LastMinute(Now),
            limits?.PerSecond ?? 0,
            limits?.RecipientPerSecond,
            state.State.NeedsReconnectSince,
            state.State.LastError,
            state.State.DiscardedWhileDisabled);
    }

    /// <summary>The platform's documented limits, with the admin's pace for the channel when one is set; null for web chat.</summary>
    private SendLimits? Limits()
    {
        var limits = ChannelSenders.For(PlatformNames.Of(state.State.Platform))?.Limits;
        return limits is not null && state.State.RatePerSecond is { } rate ? limits.WithRate(rate) : limits;
    }

    private OutboxSchedule Queue() => _queue ??= new OutboxSchedule(Limits()!, Now);

    private DateTimeOffset? LimitedUntil() => _queue?.HeldUntil is { } held && held > Now ? held : null;

    private static DeliveryReport Held(string? notice) => new(DeliveryStatus.Pending, null, notice);

    private static string Replies(int count, string one, string many) =>
        count == 1 ? $"1 {one}" : $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} {many}";

    private static DeliveryReport Failed(SendFailure failure, string platform) =>
        new(DeliveryStatus.Failed, null, SendFailureText.Describe(failure, platform), SendFailureText.WireName(failure.Kind));

    // 1 s, 2 s, 4 s … up to a minute, give or take a fifth, so many channels' retries do not arrive together.
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(attempt, 10) - 1)) * (0.8 + (Random.Shared.NextDouble() * 0.4)));

    [LoggerMessage(EventId = 4203, Level = LogLevel.Error, Message = "Channel {Channel}'s outbox failed on message {MessageId}; it is tried again")]
    private partial void LogOutboxFailed(Exception exception, string channel, string messageId);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "Channel {Channel} could not set its outbox reminder")]
    private partial void LogReminderFailed(Exception exception, string channel);

    /// <summary>Counts accepted sends per second over the last minute, in constant space whatever the rate.</summary>
    private sealed class SendCounter
    {
        private readonly long[] _seconds = new long[60];
        private readonly int[] _counts = new int[60];

        public void Add(DateTimeOffset at)
        {
            var second = at.ToUnixTimeSeconds();
            var slot = (int)(second % 60);
            if (_seconds[slot] != second)
            {
                (_seconds[slot], _counts[slot]) = (second, 0);
            }

            _counts[slot]++;
        }

        public int LastMinute(DateTimeOffset at)
        {
            var now = at.ToUnixTimeSeconds();
            var total = 0;
            for (var slot = 0; slot < 60; slot++)
            {
                if (now - _seconds[slot] < 60)
                {
                    total += _counts[slot];
                }
            }

            return total;
        }
    }
}
