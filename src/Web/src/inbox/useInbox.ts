import { useCallback, useEffect, useRef, useState } from 'react';
import { EventNames } from '../api/events';
import { ApiError, api } from '../api/rest';
import type { ConversationStatus, ConversationSummary, InboxEvent, MessageRecord } from '../api/types';
import type { LiveConnection } from '../live/useLiveConnection';
import { maxSequence, mergeLatestPage, upsertMessages } from '../shared/messages';
import { mergeConversationList, upsertConversation } from './conversations';

const ListLimit = 100;
const PageSize = 50;

/** The messages shown for the open conversation. */
export interface Thread {
  conversationId: string;
  messages: MessageRecord[];
  hasMore: boolean;
  loading: boolean;
  loadingOlder: boolean;
  error: string | null;
}

const emptyThread = (conversationId: string): Thread => ({
  conversationId,
  messages: [],
  hasMore: false,
  loading: true,
  loadingOlder: false,
  error: null,
});

const errorText = (error: unknown) =>
  error instanceof Error && error.message ? error.message : 'Something went wrong.';

const hashPrefix = '#/conversations/';

function conversationIdFromHash(): string | null {
  const hash = window.location.hash;
  if (!hash.startsWith(hashPrefix)) return null;
  try {
    return decodeURIComponent(hash.slice(hashPrefix.length)) || null;
  } catch {
    return null;
  }
}

function writeHash(conversationId: string): void {
  window.history.replaceState(null, '', `${hashPrefix}${encodeURIComponent(conversationId)}`);
}

/**
 * All state of the agent inbox: the conversation list (of one status), the open conversation's messages, unread
 * markers, kept current by the live connection's events.
 */
export function useInbox(live: LiveConnection) {
  const [statusFilter, setStatusFilter] = useState<ConversationStatus>('open');
  const [conversations, setConversations] = useState<ConversationSummary[]>([]);
  const [listLoading, setListLoading] = useState(true);
  const [listError, setListError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(conversationIdFromHash);
  const [thread, setThread] = useState<Thread | null>(null);
  const [unread, setUnread] = useState<Record<string, string[]>>({});

  const openIdRef = useRef(openId);
  const threadRef = useRef(thread);
  threadRef.current = thread;
  const conversationsRef = useRef(conversations);
  conversationsRef.current = conversations;
  const statusRef = useRef(statusFilter);
  statusRef.current = statusFilter;

  /** Last sequence seen per conversation, for gap detection. */
  const knownSequence = useRef(new Map<string, number>());
  /** Conversations changed by events since the list was last (re)loaded. */
  const touchedSinceLoad = useRef(new Set<string>());
  const latestLoadToken = useRef(0);

  const bumpKnown = useCallback((conversationId: string, sequence: number | undefined) => {
    if (sequence === undefined) return;
    const known = knownSequence.current.get(conversationId);
    if (known === undefined || sequence > known) knownSequence.current.set(conversationId, sequence);
  }, []);

  const loadList = useCallback(async () => {
    const touched = new Set<string>();
    touchedSinceLoad.current = touched;
    setListError(null);
    try {
      const status = statusRef.current;
      const fresh = await api.listConversations(ListLimit, status);
      if (status !== statusRef.current) return;
      for (const c of fresh) bumpKnown(c.conversationId, c.lastSequence);
      setConversations((current) => mergeConversationList(current, fresh, touched));
    } catch (error) {
      setListError(errorText(error));
    } finally {
      setListLoading(false);
    }
  }, [bumpKnown]);

  /** Loads the newest page of a conversation's messages and merges it into the thread. */
  // Counts message updates for the open conversation, so a page loaded meanwhile is known to be possibly stale.
  const updatesSeen = useRef(0);

  const loadLatest = useCallback(
    async (conversationId: string): Promise<void> => {
      const token = ++latestLoadToken.current;
      const updatesBefore = updatesSeen.current;
      setThread((t) =>
        t?.conversationId === conversationId ? { ...t, loading: true, error: null } : emptyThread(conversationId),
      );
      const isCurrent = () => token === latestLoadToken.current && openIdRef.current === conversationId;
      try {
        const page = await api.listMessages(conversationId, { limit: PageSize });
        if (!isCurrent()) return;
        bumpKnown(conversationId, maxSequence(page.items));
        setThread((t) => {
          if (t?.conversationId !== conversationId) return t;
          const merged = mergeLatestPage({ items: t.messages, hasMore: t.hasMore }, page);
          return { ...t, messages: merged.items, hasMore: merged.hasMore, loading: false, error: null };
        });
        // A message changed while the page was on its way (a file arrived, a status moved): the page may hold the
        // older version of it, so read once more rather than guess which is newer.
        if (updatesSeen.current !== updatesBefore) void loadLatest(conversationId);
      } catch (error) {
        if (!isCurrent()) return;
        const text = error instanceof ApiError && error.status === 404 ? 'This conversation does not exist.' : errorText(error);
        setThread((t) => (t?.conversationId === conversationId ? { ...t, loading: false, error: text } : t));
      }
    },
    [bumpKnown],
  );

  const loadOlder = useCallback(async () => {
    const t = threadRef.current;
    const first = t?.messages[0];
    if (!t || !first || !t.hasMore || t.loadingOlder || t.loading) return;
    const conversationId = t.conversationId;
    setThread((x) => (x?.conversationId === conversationId ? { ...x, loadingOlder: true, error: null } : x));
    try {
      const page = await api.listMessages(conversationId, { limit: PageSize, before: first.sequence });
      setThread((x) =>
        x?.conversationId === conversationId
          ? { ...x, messages: upsertMessages(x.messages, page.items), hasMore: page.hasMore, loadingOlder: false }
          : x,
      );
    } catch (error) {
      setThread((x) =>
        x?.conversationId === conversationId ? { ...x, loadingOlder: false, error: errorText(error) } : x,
      );
    }
  }, []);

  const addToThread = useCallback((conversationId: string, message: MessageRecord, replace: boolean) => {
    setThread((t) => {
      if (t?.conversationId !== conversationId) return t;
      // An update to a message older than what we show would open a hole in the list: skip it.
      const first = t.messages[0];
      if (replace && first && message.sequence < first.sequence) return t;
      const messages = upsertMessages(t.messages, [message], replace);
      return messages === t.messages ? t : { ...t, messages };
    });
  }, []);

  const markUnread = useCallback((conversationId: string, messageId: string) => {
    setUnread((u) => {
      const ids = u[conversationId] ?? [];
      return ids.includes(messageId) ? u : { ...u, [conversationId]: [...ids, messageId] };
    });
  }, []);

  const handleEvent = useCallback(
    (event: InboxEvent) => {
      const conversation = event.conversation;
      if (!conversation?.conversationId) return;
      const id = conversation.conversationId;
      const message = event.message;
      const isOpen = openIdRef.current === id;

      touchedSinceLoad.current.add(id);
      setConversations((list) => upsertConversation(list, conversation));

      if (!message) return;
      if (event.type === EventNames.MessageUpdated) {
        if (isOpen) {
          addToThread(id, message, true);
          updatesSeen.current++;
        }
        return;
      }

      // A new message: said by someone (message.created), the first one (conversation.created), or the chat's notice
      // of a lifecycle change (conversation.assigned, conversation.status_changed, conversation.updated).
      const known = knownSequence.current.get(id);
      const gap = event.type !== EventNames.ConversationCreated && known !== undefined && message.sequence > known + 1;
      bumpKnown(id, message.sequence);
      if (isOpen) {
        if (gap) void loadLatest(id);
        else addToThread(id, message, false);
      } else if (message.kind === 'incoming') {
        markUnread(id, message.messageId);
      }
    },
    [addToThread, bumpKnown, loadLatest, markUnread],
  );

  const open = useCallback(
    (conversationId: string) => {
      setUnread((u) => {
        if (!(conversationId in u)) return u;
        const { [conversationId]: _cleared, ...rest } = u;
        return rest;
      });
      if (openIdRef.current === conversationId && threadRef.current?.conversationId === conversationId) return;
      openIdRef.current = conversationId;
      setOpenId(conversationId);
      writeHash(conversationId);
      void loadLatest(conversationId);
    },
    [loadLatest],
  );

  const send = useCallback(
    async (conversationId: string, text: string, clientMessageId: string) => {
      const record = await api.sendMessage(conversationId, text, clientMessageId);
      addToThread(conversationId, record, false);
    },
    [addToThread],
  );

  const sendFile = useCallback(
    async (conversationId: string, file: File, caption: string) => {
      const record = await api.sendFile(conversationId, file, caption, crypto.randomUUID().replaceAll('-', ''));
      addToThread(conversationId, record, false);
    },
    [addToThread],
  );

  // Initial load: the list, and the conversation named in the address (if any).
  useEffect(() => {
    void loadList();
    const initial = openIdRef.current;
    if (initial) void loadLatest(initial);
  }, [loadList, loadLatest]);

  // A conversation opened from the address may be older than the first page of the list: fetch it.
  const fetchedMissing = useRef(new Set<string>());
  useEffect(() => {
    if (listLoading || !openId || fetchedMissing.current.has(openId)) return;
    if (conversations.some((c) => c.conversationId === openId)) return;
    fetchedMissing.current.add(openId);
    api
      .getConversation(openId)
      .then((c) => setConversations((list) => upsertConversation(list, c)))
      .catch(() => {
        // The thread shows the error from loading its messages.
      });
  }, [listLoading, openId, conversations]);

  // Live events for the whole organisation, from the connection the signed-in pages share.
  useEffect(
    () =>
      live.subscribe({
        onEvent: handleEvent,
        onReconnected: () => {
          void loadList();
          const id = openIdRef.current;
          if (id) void loadLatest(id);
        },
      }),
    [live.subscribe, handleEvent, loadList, loadLatest],
  );

  // A link to a conversation (a wait alert's "Open") while the inbox is showing.
  useEffect(() => {
    const follow = () => {
      const id = conversationIdFromHash();
      if (id) open(id);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [open]);

  const changeStatusFilter = useCallback(
    (status: ConversationStatus) => {
      statusRef.current = status;
      setStatusFilter(status);
      setListLoading(true);
      void loadList();
    },
    [loadList],
  );

  /** A conversation as an action answered it (newer than the list's copy unless an event overtook it). */
  const applySummary = useCallback((conversation: ConversationSummary) => {
    touchedSinceLoad.current.add(conversation.conversationId);
    setConversations((list) => upsertConversation(list, conversation));
  }, []);

  const addNote = useCallback(
    async (conversationId: string, text: string) => {
      const record = await api.addNote(conversationId, text);
      bumpKnown(conversationId, record.sequence);
      addToThread(conversationId, record, false);
    },
    [addToThread, bumpKnown],
  );

  const unreadCounts: Record<string, number> = {};
  let unreadTotal = 0;
  for (const [id, ids] of Object.entries(unread)) {
    unreadCounts[id] = ids.length;
    unreadTotal += ids.length;
  }

  useEffect(() => {
    document.title = unreadTotal > 0 ? `(${unreadTotal}) Inbox` : 'Inbox';
  }, [unreadTotal]);

  const openConversation = conversations.find((c) => c.conversationId === openId) ?? null;

  return {
    conversations,
    listLoading,
    listError,
    reloadList: loadList,
    openId,
    openConversation,
    open,
    thread: thread?.conversationId === openId ? thread : null,
    loadOlder,
    reloadThread: loadLatest,
    send,
    sendFile,
    unreadCounts,
    connection: live.state,
    statusFilter,
    setStatusFilter: changeStatusFilter,
    applySummary,
    addNote,
  };
}
