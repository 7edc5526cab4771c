using Inbox.Contracts.Grains;
using System.Globalization;
using Inbox.Contracts.Audit;
using Inbox.Contracts.Contacts;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Events;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Organisations;
using Inbox.Contracts.Routing;
using Inbox.Contracts.Security;
using Inbox.Contracts.Users;
using Microsoft.Extensions.Logging;

namespace Inbox.Grains.Conversations;

/// <summary>
/// The conversation's lifecycle: status (open → pending → snoozed → resolved, and back), assignment, team, priority,
/// observers. Every change bumps the revision, is stored, is shown in the chat as an activity message, is audited, and
/// is told to the organisation's router (which refuses its own decisions on a stale revision).
/// </summary>
public sealed partial class ConversationGrain
{
    internal const string SnoozeReminder = "snooze";
    private static readonly TimeSpan MaxSnooze = TimeSpan.FromDays(365);

    // A reminder fires on the silo's clock; a snooze ending within this of now has ended.
    private static readonly TimeSpan WakeTolerance = TimeSpan.FromSeconds(2);

    public async Task<ConversationSummary> SetStatusAsync(ConversationStatus status, DateTimeOffset? snoozeUntil)
    {
        EnsureReadable();
        EnsureMayChange();
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentException($"Unknown status '{status}'.", nameof(status));
        }

        var s = state.State;
        var now = time.GetUtcNow();
        if (status == ConversationStatus.Snoozed && (snoozeUntil is not { } until || until <= now || until > now + MaxSnooze))
        {
            throw new ArgumentException("snoozeUntil must be a time in the future, at most a year away.", nameof(snoozeUntil));
        }

        if (status == s.Status && (status != ConversationStatus.Snoozed || snoozeUntil == s.SnoozedUntil))
        {
            return Summary();
        }

        var actor = ActorName();
        var text = status switch
        {
            ConversationStatus.Resolved => $"Resolved by {actor}",
            ConversationStatus.Pending => $"Marked pending by {actor}",
            ConversationStatus.Snoozed => $"Snoozed until {snoozeUntil!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)} by {actor}",
            _ when s.Status == ConversationStatus.Resolved => $"Reopened by {actor}",
            _ => $"Opened by {actor}",
        };
        await MoveToAsync(status, snoozeUntil, text, facts: null);
        return Summary();
    }

    public async Task<ConversationSummary> SetPriorityAsync(ConversationPriority priority)
    {
        EnsureReadable();
        EnsureMayChange();
        if (!Enum.IsDefined(priority))
        {
            throw new ArgumentException($"Unknown priority '{priority}'.", nameof(priority));
        }

        if (priority == state.State.Priority)
        {
            return Summary();
        }

        await TransitionAsync(
            EventNames.ConversationUpdated,
            AuditActions.ConversationPriorityChanged,
            $"Priority set to {priority.ToString().ToLowerInvariant()} by {ActorName()}",
            s => s.Priority = priority);
        return Summary();
    }

    public async Task<ConversationSummary> AssignAsync(string? assigneeId, string? teamId)
    {
        EnsureReadable();
        var s = state.State;
        var caller = CallerContext.Current;
        var manages = caller is null || caller.Has(Permission.ConversationsManage);
        if (!manages && !(assigneeId == caller!.Id && s.AssigneeId is null && teamId is null))
        {
            throw new AccessDeniedException("Only a supervisor assigns conversations to others or reassigns them; an agent may take a waiting conversation themself.");
        }

        var assignee = assigneeId is null ? null : await ActiveUserAsync(assigneeId);
        var newTeam = teamId switch
        {
            null => s.TeamId,
            "" => null,
            _ => await TeamNameAsync(teamId) is not null ? teamId : throw new ArgumentException($"There is no team '{teamId}'.", nameof(teamId)),
        };
        if (assigneeId == s.AssigneeId && newTeam == s.TeamId)
        {
            return Summary();
        }

        var previous = s.AssigneeId is { } previousId ? await UserNameAsync(previousId) : null;
        var actor = ActorName();
        var text = (assignee, previous) switch
        {
            _ when assigneeId == s.AssigneeId => $"Routed to {await TeamTextAsync(newTeam)} by {actor}",
            (null, _) => $"Returned to the queue by {actor}",
            ({ } to, { } from) when assigneeId == caller?.Id => $"{actor} took over from {from}",
            ({ } to, null) when assigneeId == caller?.Id => $"{actor} took the conversation",
            ({ } to, { } from) => $"Reassigned from {from} to {to.Name} by {actor}",
            ({ } to, null) => $"Assigned to {to.Name} by {actor}",
        };
        await TransitionAsync(EventNames.ConversationAssigned, AuditActions.ConversationAssigned, text, st =>
        {
            if (st.AssigneeId is not null && assigneeId is not null && st.AssigneeId != assigneeId)
            {
                st.ReassignCount++;
            }

            SetAssignee(st, assigneeId);
            st.TeamId = newTeam;
        });
        return Summary();
    }

    public async Task<ConversationSummary> ObserveAsync(bool observing)
    {
        EnsureReadable();
        var caller = CallerContext.Require();
        var observers = state.State.ObserverIds;
        if (observing == observers.Contains(caller.Id))
        {
            return Summary();
        }

        var before = observers.ToList();
        if (observing)
        {
            observers.Add(caller.Id);
        }
        else
        {
            observers.Remove(caller.Id);
        }

        // Silent: no notice in the chat, but stored, audited and shown in the list like any other change.
        await SaveStateAsync();
        var indexed = IndexAsync();
        Publish(new InboxEvent(EventNames.ConversationUpdated, _lastSequence, Summary(), null));
        await audit.RecordAsync(_key.OrganisationId, AuditActions.ConversationObserved, AuditSubjects.Conversation, _key.Id,
            before: new { ObserverIds = before }, after: new { ObserverIds = observers.ToList() });
        await indexed;
        return Summary();
    }

    public async Task<MessageRecord> AddNoteAsync(string text)
    {
        EnsureReadable();
        if (MessageText.Validate(text) is { } problem)
        {
            throw new ArgumentException(problem, nameof(text));
        }

        var caller = CallerContext.Require();
        var (note, _) = await AppendAsync(Draft(MessageKind.Note, text, caller.Id, caller.Name, null, DeliveryStatus.Delivered));
        return note;
    }

    public async Task<RoutingOutcome> RouteAsync(RoutingDecision decision)
    {
        var s = state.State;
        if (!state.RecordExists || s.Revision != decision.ExpectedRevision || s.Status != ConversationStatus.Open || s.AssigneeId is not null)
        {
            return new RoutingOutcome(false, Ticket());
        }

        var how = decision.RuleName is { } rule ? $"by rule '{rule}'" : "by round robin";
        var team = decision.TeamId ?? s.TeamId;
        var text = decision.AssigneeId is not null
            ? $"Assigned to {decision.AssigneeName ?? decision.AssigneeId} {how}"
            : $"Routed to {await TeamTextAsync(team)} {how}";
        if (decision.Priority is { } priority && priority != s.Priority)
        {
            text += $", priority {priority.ToString().ToLowerInvariant()}";
        }

        await TransitionAsync(EventNames.ConversationAssigned, AuditActions.ConversationAssigned, text, st =>
        {
            st.TeamId = team;
            st.Priority = decision.Priority ?? st.Priority;
            SetAssignee(st, decision.AssigneeId);
        }, tellRouting: false);
        return new RoutingOutcome(true, Ticket());
    }

    public async Task ReturnToQueueAsync(string agentId)
    {
        var s = state.State;
        if (!state.RecordExists || s.AssigneeId != agentId || s.Status is not (ConversationStatus.Open or ConversationStatus.Pending))
        {
            return;
        }

        var name = await UserNameAsync(agentId);
        await TransitionAsync(EventNames.ConversationAssigned, AuditActions.ConversationAssigned,
            $"Returned to the queue: {name} went offline", st => SetAssignee(st, null));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != SnoozeReminder)
        {
            return;
        }

        var s = state.State;
        if (!state.RecordExists || s.Status != ConversationStatus.Snoozed)
        {
            await ForgetSnoozeAsync();
            return;
        }

        if (s.SnoozedUntil is { } until && until <= time.GetUtcNow() + WakeTolerance)
        {
            await MoveToAsync(ConversationStatus.Open, null, "Snooze ended", facts: null);
        }
    }

    /// <summary>
    /// After a new customer message: a conversation waiting on the customer, snoozed or resolved opens again; a new
    /// one starts waiting for an agent. Either way routing hears of it with what its rules look at.
    /// </summary>
    private async Task OnCustomerWroteAsync(MessageRecord message)
    {
        var s = state.State;
        var now = time.GetUtcNow();
        s.FirstCustomerMessageAt ??= message.CreatedAt;
        switch (s.Status)
        {
            case ConversationStatus.Resolved:
                await MoveToAsync(ConversationStatus.Open, null, "Reopened: the customer wrote again", await FactsAsync(message));
                return;
            case ConversationStatus.Snoozed:
                await MoveToAsync(ConversationStatus.Open, null, "Snooze ended: the customer wrote", await FactsAsync(message));
                return;
            case ConversationStatus.Pending:
                await MoveToAsync(ConversationStatus.Open, null, "The customer replied", await FactsAsync(message));
                return;
        }

        if (s.Routed)
        {
            return;
        }

        // The first customer message: the conversation joins the queue (no notice: the message itself says it).
        s.Routed = true;
        s.WaitingSince = s.AssigneeId is null ? now : null;
        s.Revision++;
        await SaveStateAsync();
        await IndexAsync();
        Publish(new InboxEvent(EventNames.ConversationUpdated, _lastSequence, Summary(), null));
        await TellRoutingAsync(await FactsAsync(message));
    }

    private async Task MoveToAsync(ConversationStatus status, DateTimeOffset? snoozeUntil, string text, RoutingFacts? facts)
    {
        var from = state.State.Status;
        await TransitionAsync(EventNames.ConversationStatusChanged, AuditActions.ConversationStatusChanged, text, s =>
        {
            var now = time.GetUtcNow();
            s.Status = status;
            s.Routed = true;
            s.SnoozedUntil = status == ConversationStatus.Snoozed ? snoozeUntil : null;
            s.WaitingSince = status == ConversationStatus.Open && s.AssigneeId is null ? s.WaitingSince ?? now : null;
            if (status == ConversationStatus.Resolved)
            {
                s.ResolvedAt = now;
            }
            else if (from == ConversationStatus.Resolved)
            {
                s.ResolvedAt = null;
                s.ReopenCount++;
            }
        }, facts: facts);

        if (status == ConversationStatus.Snoozed)
        {
            var due = snoozeUntil!.Value - time.GetUtcNow();
            await this.RegisterOrUpdateReminder(SnoozeReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, routingOptions.Value.SnoozeRecheck);
        }
        else if (from == ConversationStatus.Snoozed)
        {
            await ForgetSnoozeAsync();
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the state, bumps the revision and stores it; then the chat's notice is
    /// appended (published as <paramref name="eventType"/>, audited as <paramref name="auditAction"/> with the lifecycle
    /// before and after) and routing is told.
    /// </summary>
    private async Task TransitionAsync(
        string eventType, string auditAction, string text, Action<ConversationState> change, bool tellRouting = true, RoutingFacts? facts = null)
    {
        var before = Lifecycle();
        change(state.State);
        state.State.Revision++;
        await SaveStateAsync();

        var caller = CallerContext.Current;
        var notice = Draft(MessageKind.Activity, text, caller?.Id ?? "system", caller?.Name ?? "Inbox", null, DeliveryStatus.Delivered);
        await AppendAsync(notice, eventType, new AuditNote(auditAction, before, Lifecycle()));
        if (tellRouting)
        {
            await TellRoutingAsync(facts);
        }
    }

    private void SetAssignee(ConversationState s, string? assigneeId)
    {
        var now = time.GetUtcNow();
        s.AssigneeId = assigneeId;
        s.AssignedAt = assigneeId is null ? null : now;
        s.WaitingSince = assigneeId is null && s.Status == ConversationStatus.Open ? s.WaitingSince ?? now : null;
    }

    // Routing's view is rebuilt from the conversation list, so a lost notice costs a delay, never a conversation.
    private async Task TellRoutingAsync(RoutingFacts? facts)
    {
        try
        {
            await GrainFactory.Get<IRoutingGrain>(_key.OrganisationId).ConversationChangedAsync(Ticket(facts));
        }
        catch (Exception e)
        {
            LogRoutingUnreachable(e, _key.Key);
        }
    }

    private RoutingTicket Ticket(RoutingFacts? facts = null) => RoutingTicket.From(Summary(), facts);

    private async Task<RoutingFacts> FactsAsync(MessageRecord message)
    {
        var contact = await GrainFactory.Get<IContactGrain>(GrainKeys.Compose(_key.OrganisationId, state.State.ContactId)).GetAsync();
        return new RoutingFacts(message.Text, contact?.Language, contact?.Attributes ?? new Dictionary<string, string>());
    }

    // Resolved longer ago than the organisation's reopen window: a new message starts a new conversation.
    private async Task<bool> IsClosedAsync()
    {
        var s = state.State;
        if (s.Status != ConversationStatus.Resolved || s.ResolvedAt is not { } resolvedAt)
        {
            return false;
        }

        var settings = await GrainFactory.Get<IRoutingGrain>(_key.OrganisationId).GetSettingsAsync();
        return time.GetUtcNow() - resolvedAt > settings.ReopenWindow;
    }

    private Task ForgetSnoozeAsync() => this.ForgetReminderAsync(SnoozeReminder);

    // An agent changes what is theirs or nobody's; a supervisor anything they can read.
    private void EnsureMayChange()
    {
        if (CallerContext.Current is { } caller && !caller.Has(Permission.ConversationsManage)
            && !(caller.Has(Permission.ConversationsReply) && (state.State.AssigneeId is null || state.State.AssigneeId == caller.Id)))
        {
            throw new AccessDeniedException("This conversation is assigned to someone else; ask them or a supervisor.");
        }
    }

    private static string ActorName() => CallerContext.Current?.Name ?? "Inbox";

    private object Lifecycle()
    {
        var s = state.State;
        return new { s.Status, s.AssigneeId, s.TeamId, s.Priority, s.SnoozedUntil, s.Revision };
    }

    private async Task<UserProfile> ActiveUserAsync(string userId)
    {
        var user = GrainKeys.IsValidId(userId)
            ? await GrainFactory.Get<IUserGrain>(GrainKeys.Compose(_key.OrganisationId, userId)).GetAsync()
            : null;
        return user is { Status: UserStatus.Active }
            ? user
            : throw new ArgumentException($"There is no active user '{userId}' in this organisation.", nameof(userId));
    }

    private async Task<string> UserNameAsync(string userId) =>
        (await GrainFactory.Get<IUserGrain>(GrainKeys.Compose(_key.OrganisationId, userId)).GetAsync())?.Name ?? userId;

    private async Task<string?> TeamNameAsync(string teamId) =>
        (await GrainFactory.Get<IOrganisationGrain>(_key.OrganisationId).GetAsync())?.Teams.FirstOrDefault(t => t.TeamId == teamId)?.Name;

    private async Task<string> TeamTextAsync(string? teamId) =>
        teamId is null ? "no team" : $"team {await TeamNameAsync(teamId) ?? teamId}";

    [LoggerMessage(EventId = 4304, Level = LogLevel.Warning, Message = "Could not tell routing about conversation {Conversation}; it finds it when it next rebuilds")]
    private partial void LogRoutingUnreachable(Exception exception, string conversation);
}
