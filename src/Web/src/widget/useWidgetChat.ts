import { useCallback, useEffect, useRef, useState } from 'react';
import { hubErrorMessage } from '../api/connection';
import type { ConnectionState, WidgetMessage } from '../api/types';
import { connectWidget, type WidgetClient } from '../api/widget';
import { mergeLatestPage, upsertMessages, type MessageWindow } from '../shared/messages';

const PageSize = 50;

/** The visitor's side of the chat: history, live replies and sending. */
export function useWidgetChat(websiteToken: string, visitorToken: string) {
  const [chat, setChat] = useState<MessageWindow<WidgetMessage>>({ items: [], hasMore: false });
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const client = useRef<WidgetClient | null>(null);
  const chatRef = useRef(chat);
  chatRef.current = chat;

  const add = useCallback((message: WidgetMessage) => {
    setChat((c) => {
      const items = upsertMessages(c.items, [message]);
      return items === c.items ? c : { ...c, items };
    });
  }, []);

  useEffect(() => {
    let active = true;
    const created = connectWidget(websiteToken, visitorToken, {
      onMessage: add,
      onStateChange: setConnection,
      // After connecting and after every reconnect: replies may have been missed.
      onConnected: () => {
        created
          .history(null, PageSize)
          .then((page) => {
            if (!active) return;
            setHistoryError(null);
            setChat((c) => mergeLatestPage(c, page));
          })
          .catch((error: unknown) => {
            if (active) setHistoryError(hubErrorMessage(error, 'Could not load the conversation.'));
          });
      },
    });
    client.current = created;
    return () => {
      active = false;
      client.current = null;
      void created.stop();
    };
  }, [websiteToken, visitorToken, add]);

  const loadOlder = useCallback(async () => {
    const first = chatRef.current.items[0];
    const current = client.current;
    if (!current || !first) return;
    setLoadingOlder(true);
    try {
      const page = await current.history(first.sequence, PageSize);
      setChat((c) => ({ items: upsertMessages(c.items, page.items), hasMore: page.hasMore }));
    } catch (error) {
      setHistoryError(hubErrorMessage(error, 'Could not load earlier messages.'));
    } finally {
      setLoadingOlder(false);
    }
  }, []);

  const send = useCallback(
    async (text: string, clientMessageId: string) => {
      const current = client.current;
      if (!current) throw new Error('Not connected. Please wait a moment and try again.');
      try {
        add(await current.send(text, clientMessageId));
      } catch (error) {
        throw new Error(hubErrorMessage(error, 'Your message could not be sent.'));
      }
    },
    [add],
  );

  return {
    messages: chat.items,
    hasMore: chat.hasMore,
    loadingOlder,
    loadOlder,
    historyError,
    connection,
    send,
  };
}
