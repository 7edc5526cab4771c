import { useCallback, useEffect, useState } from 'react';

/** The pages of the agent app, addressed by the URL's hash so reloads and links land on the same page. */
export type Route =
  | { page: 'inbox' }
  | { page: 'team' }
  | { page: 'audit' }
  /** `channelId`: the channel to show (scrolled to), e.g. from a channel alert's link. */
  | { page: 'channels'; channelId?: string }
  | { page: 'account' }
  | { page: 'wallboard' }
  | { page: 'routing' }
  | { page: 'invitation'; token: string };

export function parseRoute(hash: string): Route {
  if (hash.startsWith('#/invitation/')) {
    return { page: 'invitation', token: decodeURIComponent(hash.slice('#/invitation/'.length)) };
  }
  if (hash === '#/team') return { page: 'team' };
  if (hash === '#/audit') return { page: 'audit' };
  if (hash === '#/channels') return { page: 'channels' };
  if (hash.startsWith('#/channels/')) return { page: 'channels', channelId: decodeURIComponent(hash.slice('#/channels/'.length)) };
  if (hash === '#/account') return { page: 'account' };
  if (hash === '#/wallboard') return { page: 'wallboard' };
  if (hash === '#/routing') return { page: 'routing' };
  return { page: 'inbox' };
}

/**
 * The current route, following the hash as links and the back button change it, and a way to replace it from code
 * (replacing history fires no hashchange event, so the route is set here too).
 */
export function useHashRoute(): [Route, (hash: string) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const replace = useCallback((hash: string) => {
    window.history.replaceState(null, '', window.location.pathname + window.location.search + hash);
    setRoute(parseRoute(hash));
  }, []);
  return [route, replace];
}

/** The link to one channel on the Channels page (its status, queue, pace, last error and credentials). */
export function channelLink(channelId: string): string {
  return `#/channels/${encodeURIComponent(channelId)}`;
}

/** The link an invitee opens to choose their password. */
export function invitationLink(token: string): string {
  return `${window.location.origin}${window.location.pathname}#/invitation/${encodeURIComponent(token)}`;
}
