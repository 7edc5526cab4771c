import { useCallback, useEffect, useState } from 'react';
import { api, setUnauthorizedHandler } from '../api/rest';
import type { CurrentUser } from '../api/types';
import { InboxPage } from './InboxPage';
import { LoginPage } from './LoginPage';

type Session = { status: 'checking' } | { status: 'error'; message: string } | { status: 'signedOut' } | { status: 'signedIn'; user: CurrentUser };

/** Shows the login page or the inbox, depending on the session cookie. */
export function App() {
  const [session, setSession] = useState<Session>({ status: 'checking' });

  const checkSession = useCallback(async () => {
    setSession({ status: 'checking' });
    try {
      const user = await api.getSession();
      setSession(user ? { status: 'signedIn', user } : { status: 'signedOut' });
    } catch (error) {
      setSession({ status: 'error', message: error instanceof Error ? error.message : 'Cannot reach the server.' });
    }
  }, []);

  const sessionLost = useCallback(() => setSession({ status: 'signedOut' }), []);

  useEffect(() => {
    void checkSession();
    setUnauthorizedHandler(sessionLost);
    return () => setUnauthorizedHandler(null);
  }, [checkSession, sessionLost]);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch {
      // The cookie may already be gone; sign out locally either way.
    } finally {
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
      setSession({ status: 'signedOut' });
    }
  }, []);

  switch (session.status) {
    case 'checking':
      return <div className="splash">Loading…</div>;
    case 'error':
      return (
        <div className="splash">
          <p>{session.message}</p>
          <button type="button" className="button" onClick={() => void checkSession()}>
            Try again
          </button>
        </div>
      );
    case 'signedOut':
      return <LoginPage onSignedIn={(user) => setSession({ status: 'signedIn', user })} />;
    case 'signedIn':
      return <InboxPage user={session.user} onSignOut={signOut} onSessionLost={sessionLost} />;
  }
}
