import { useCallback, useEffect, useState } from 'react';
import { api, setUnauthorizedHandler } from '../api/rest';
import type { CurrentUser } from '../api/types';
import { useHashRoute } from '../shared/useHashRoute';
import { AcceptInvitationPage } from './AcceptInvitationPage';
import { LoginPage } from './LoginPage';
import { SignedInApp } from './SignedInApp';

type Session = { status: 'checking' } | { status: 'error'; message: string } | { status: 'signedOut' } | { status: 'signedIn'; user: CurrentUser };

/** Shows the login page, an invitation, or the signed-in user's page (inbox, wallboard, admin pages), by session and URL. */
export function App() {
  const [session, setSession] = useState<Session>({ status: 'checking' });
  const [route, replaceRoute] = useHashRoute();

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
  const signedIn = useCallback((user: CurrentUser) => setSession({ status: 'signedIn', user }), []);

  useEffect(() => {
    void checkSession();
    setUnauthorizedHandler(sessionLost);
    return () => setUnauthorizedHandler(null);
  }, [checkSession, sessionLost]);

  const signOut = useCallback(async (everywhere: boolean) => {
    try {
      await api.signOut(everywhere);
    } catch {
      // The cookie may already be gone; sign out locally either way.
    } finally {
      replaceRoute('');
      setSession({ status: 'signedOut' });
    }
  }, [replaceRoute]);

  if (route.page === 'invitation') {
    return (
      <AcceptInvitationPage
        token={route.token}
        onSignedIn={(user) => {
          replaceRoute('');
          signedIn(user);
        }}
      />
    );
  }

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
      return <LoginPage onSignedIn={signedIn} />;
    case 'signedIn':
      return (
        <SignedInApp
          key={session.user.userId}
          user={session.user}
          route={route}
          onSignOut={(everywhere) => void signOut(everywhere)}
          onSessionLost={sessionLost}
          onPasswordChanged={signedIn}
        />
      );
  }
}
