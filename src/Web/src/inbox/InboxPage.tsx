import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/rest';
import { EventNames } from '../api/events';
import type { ChannelInfo, CurrentUser, Team, User } from '../api/types';
import type { LiveConnection } from '../live/useLiveConnection';
import { ChatPane } from './ChatPane';
import { ConversationList, type ListView } from './ConversationList';
import { useInbox } from './useInbox';

interface Props {
  user: CurrentUser;
  live: LiveConnection;
}

export function InboxPage({ user, live }: Props) {
  const inbox = useInbox(live);
  const [view, setView] = useState<ListView>('all');
  const [users, setUsers] = useState<User[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);

  const [channels, setChannels] = useState<Map<string, ChannelInfo>>(new Map());

  // Names for the ids conversations carry (assignee, team); the list works without them.
  useEffect(() => {
    api.listUsers().then(setUsers).catch(() => undefined);
    api.listTeams().then(setTeams).catch(() => undefined);
  }, []);

  // Which channels are disabled (their composer closes) or hold replies (rate-limited, needing reconnecting: the composer
  // says so), kept live as admins turn them off and on and as platforms limit or refuse them.
  useEffect(() => {
    const load = () =>
      api
        .listChannels()
        .then((list) => setChannels(new Map(list.map((d) => [d.channel.channelId, d.channel] as const))))
        .catch(() => undefined);
    void load();
    return live.subscribe({
      onOrganisationEvent: (event) => {
        const channel = event.channel;
        if (event.type === EventNames.ChannelStatusChanged && channel) setChannels((current) => new Map(current).set(channel.channelId, channel));
      },
      onReconnected: () => void load(),
    });
  }, [live.subscribe]);

  const openChannel = inbox.openConversation ? channels.get(inbox.openConversation.channelId) : undefined;
  const replyRefusal = openChannel?.sendRefusal ?? null;
  const replyHold = openChannel?.holdNotice ?? null;

  const userNames = useMemo(() => new Map(users.map((u) => [u.userId, u.name] as const)), [users]);
  const shown = inbox.conversations.filter(
    (c) =>
      c.status === inbox.statusFilter &&
      (view === 'all' || (view === 'mine' ? c.assigneeId === user.userId : !c.assigneeId)),
  );

  return (
    <div className="inbox__body">
      <ConversationList
        conversations={shown}
        loading={inbox.listLoading}
        error={inbox.listError}
        openId={inbox.openId}
        unreadCounts={inbox.unreadCounts}
        view={view}
        status={inbox.statusFilter}
        userNames={userNames}
        currentUserId={user.userId}
        onView={setView}
        onStatus={inbox.setStatusFilter}
        onOpen={inbox.open}
        onRetry={() => void inbox.reloadList()}
      />
      {inbox.openId ? (
        <ChatPane
          key={inbox.openId}
          conversationId={inbox.openId}
          conversation={inbox.openConversation}
          thread={inbox.thread}
          user={user}
          users={users}
          teams={teams}
          onLoadOlder={() => void inbox.loadOlder()}
          onRetry={() => inbox.openId && void inbox.reloadThread(inbox.openId)}
          onSend={inbox.send}
          onSendFile={inbox.sendFile}
          onAddNote={inbox.addNote}
          onChanged={inbox.applySummary}
          replyRefusal={replyRefusal}
          replyHold={replyHold}
        />
      ) : (
        <section className="chat chat--empty">
          <p>Select a conversation to start.</p>
        </section>
      )}
    </div>
  );
}
