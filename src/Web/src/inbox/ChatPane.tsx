import { useCallback } from 'react';
import type { ConversationSummary, CurrentUser, Team, User } from '../api/types';
import { ContactAvatar } from '../shared/ContactAvatar';
import { Composer } from './Composer';
import { ConversationActions } from './ConversationActions';
import { MessageList } from './MessageList';
import { platformName } from './conversations';
import { useReplyWindow } from './replyWindow';
import type { Thread } from './useInbox';

interface Props {
  conversationId: string;
  conversation: ConversationSummary | null;
  thread: Thread | null;
  user: CurrentUser;
  users: User[];
  teams: Team[];
  onLoadOlder: () => void;
  onRetry: () => void;
  onSend: (conversationId: string, text: string, clientMessageId: string) => Promise<void>;
  onSendFile: (conversationId: string, file: File, caption: string) => Promise<void>;
  onAddNote: (conversationId: string, text: string) => Promise<void>;
  onChanged: (conversation: ConversationSummary) => void;
  /** Why replies cannot be sent on this conversation's channel now (it is disabled), if they cannot. */
  replyRefusal?: string | null;
  /** Why replies on this conversation's channel wait rather than go at once (rate-limited, needs reconnecting), if they do. */
  replyHold?: string | null;
}

export function ChatPane(props: Props) {
  const { conversationId, conversation, thread, user, users, teams, onLoadOlder, onRetry, onSend, onSendFile, onAddNote } = props;
  const currentUserId = user.userId;
  const teamName = conversation?.teamId ? (teams.find((t) => t.teamId === conversation.teamId)?.name ?? conversation.teamId) : null;
  const send = useCallback(
    (text: string, clientMessageId: string) => onSend(conversationId, text, clientMessageId),
    [conversationId, onSend],
  );
  const sendFile = useCallback((file: File, caption: string) => onSendFile(conversationId, file, caption), [conversationId, onSendFile]);
  const addNote = useCallback((text: string) => onAddNote(conversationId, text), [conversationId, onAddNote]);
  const replyWindow = useReplyWindow(conversation);
  const replyRefusal = props.replyRefusal ?? replyWindow.refusal;

  return (
    <section className="chat" data-testid="chat-pane" data-conversation-id={conversationId}>
      <header className="chat__header">
        {conversation ? (
          <ContactAvatar conversation={conversation} />
        ) : (
          <span className="avatar platform--webchat" aria-hidden="true" />
        )}
        <div className="chat__title">
          <h2 data-testid="chat-contact-name">{conversation?.contactName ?? 'Conversation'}</h2>
          {conversation && (
            <span className="chat__subtitle">
              {platformName(conversation.platform)} · {conversation.channelUserId}
              {teamName && ` · team ${teamName}`}
            </span>
          )}
        </div>
        {conversation && (
          <span className={`tag tag--${conversation.status}`} data-testid="chat-status">
            {conversation.status}
          </span>
        )}
      </header>
      {conversation && <ConversationActions conversation={conversation} user={user} users={users} onChanged={props.onChanged} />}

      {thread?.error && (
        <div className="notice notice--error" role="alert">
          <span>{thread.error}</span>
          <button type="button" className="button button--small" onClick={onRetry}>
            Retry
          </button>
        </div>
      )}

      <MessageList
        conversationId={conversationId}
        messages={thread?.messages ?? []}
        hasMore={thread?.hasMore ?? false}
        loading={thread?.loading ?? true}
        loadingOlder={thread?.loadingOlder ?? false}
        currentUserId={currentUserId}
        onLoadOlder={onLoadOlder}
      />

      {/* Web chat takes no files yet; platform channels take images and documents. */}
      <Composer
        onSend={send}
        onAddNote={addNote}
        onSendFile={conversation && conversation.platform !== 'webchat' && !replyRefusal ? sendFile : undefined}
        replyRefusal={replyRefusal}
        replyHold={props.replyHold}
        replyHint={replyWindow.hint}
        replyWindowClosesAt={replyWindow.closesAt}
      />
    </section>
  );
}
