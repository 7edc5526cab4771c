import type { ConversationSummary } from '../api/types';
import { initials } from './format';

/** The customer's picture where their platform gave one, else their initials on the platform's colour. */
export function ContactAvatar({ conversation }: { conversation: Pick<ConversationSummary, 'conversationId' | 'contactName' | 'platform' | 'contactHasAvatar'> }) {
  return (
    <span className={`avatar platform--${conversation.platform}`} aria-hidden="true">
      {conversation.contactHasAvatar ? (
        <img
          className="avatar__picture"
          src={`/api/v1/conversations/${encodeURIComponent(conversation.conversationId)}/avatar`}
          alt=""
          loading="lazy"
        />
      ) : (
        initials(conversation.contactName)
      )}
    </span>
  );
}
