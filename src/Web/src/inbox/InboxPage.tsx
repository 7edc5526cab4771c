import type { CurrentUser } from '../api/types';
import { AppHeader } from './AppHeader';
import { ChatPane } from './ChatPane';
import { ConversationList } from './ConversationList';
import { useInbox } from './useInbox';

interface Props {
  user: CurrentUser;
  onSignOut: (everywhere: boolean) => void;
  onSessionLost: () => void;
}

export function InboxPage({ user, onSignOut, onSessionLost }: Props) {
  const inbox = useInbox(onSessionLost);

  return (
    <div className="inbox">
      <AppHeader user={user} page="inbox" connection={inbox.connection} onSignOut={onSignOut} />
      <div className="inbox__body">
        <ConversationList
          conversations={inbox.conversations}
          loading={inbox.listLoading}
          error={inbox.listError}
          openId={inbox.openId}
          unreadCounts={inbox.unreadCounts}
          onOpen={inbox.open}
          onRetry={() => void inbox.reloadList()}
        />
        {inbox.openId ? (
          <ChatPane
            key={inbox.openId}
            conversationId={inbox.openId}
            conversation={inbox.openConversation}
            thread={inbox.thread}
            currentUserId={user.userId}
            onLoadOlder={() => void inbox.loadOlder()}
            onRetry={() => inbox.openId && void inbox.reloadThread(inbox.openId)}
            onSend={inbox.send}
            onSendFile={inbox.sendFile}
          />
        ) : (
          <section className="chat chat--empty">
            <p>Select a conversation to start.</p>
          </section>
        )}
      </div>
    </div>
  );
}
