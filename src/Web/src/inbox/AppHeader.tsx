import type { ConnectionState, CurrentUser } from '../api/types';
import { ConnectionIndicator } from '../shared/ConnectionIndicator';
import { initials } from '../shared/format';

interface Props {
  user: CurrentUser;
  connection: ConnectionState;
  onSignOut: () => void;
}

export function AppHeader({ user, connection, onSignOut }: Props) {
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="brand-mark" aria-hidden="true">
          I
        </span>
        <span>Inbox</span>
      </div>
      <ConnectionIndicator state={connection} testId="connection-state" />
      <div className="app-header__user">
        <span className="avatar avatar--small" aria-hidden="true">
          {initials(user.name)}
        </span>
        <div className="app-header__who">
          <span className="app-header__name" data-testid="user-name">
            {user.name}
          </span>
          <span className="app-header__org" data-testid="user-organisation" title={`Role: ${user.role}`}>
            {user.organisationId}
          </span>
        </div>
        <button type="button" className="button button--ghost" onClick={onSignOut} data-testid="sign-out">
          Sign out
        </button>
      </div>
    </header>
  );
}
