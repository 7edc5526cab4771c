import type { ConnectionState, CurrentUser } from '../api/types';
import { ConnectionIndicator } from '../shared/ConnectionIndicator';
import { initials } from '../shared/format';
import { PresenceSelector } from '../live/PresenceSelector';
import type { Presence } from '../live/usePresence';

export type Page = 'inbox' | 'wallboard' | 'team' | 'channels' | 'routing' | 'audit' | 'account';

interface Props {
  user: CurrentUser;
  page: Page;
  /** The live connection's state (one connection for every page). */
  connection?: ConnectionState;
  /** The user's presence for routing, and a way to change it. */
  presence?: Presence;
  /** Signs this session out (the account page offers signing out everywhere). */
  onSignOut: (everywhere: boolean) => void;
}

export function AppHeader({ user, page, connection, presence, onSignOut }: Props) {
  const links = [
    { page: 'inbox', href: '#/', label: 'Inbox', shown: true },
    { page: 'wallboard', href: '#/wallboard', label: 'Wallboard', shown: user.permissions.includes('wallboard_read') },
    { page: 'team', href: '#/team', label: 'Team', shown: user.permissions.includes('users_read') },
    { page: 'channels', href: '#/channels', label: 'Channels', shown: user.permissions.includes('channels_manage') },
    { page: 'routing', href: '#/routing', label: 'Routing', shown: user.permissions.includes('settings_manage') },
    { page: 'audit', href: '#/audit', label: 'Audit log', shown: user.permissions.includes('audit_read') },
  ].filter((link) => link.shown);

  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="brand-mark" aria-hidden="true">
          I
        </span>
        <span>Inbox</span>
      </div>
      <nav className="app-nav" aria-label="Pages">
        {links.map((link) => (
          <a
            key={link.page}
            href={link.href}
            className={link.page === page ? 'app-nav__link app-nav__link--current' : 'app-nav__link'}
            aria-current={link.page === page ? 'page' : undefined}
            data-testid={`nav-${link.page}`}
          >
            {link.label}
          </a>
        ))}
      </nav>
      {presence && <PresenceSelector presence={presence} />}
      {connection && <ConnectionIndicator state={connection} testId="connection-state" />}
      <div className="app-header__user">
        <span className="avatar avatar--small" aria-hidden="true">
          {initials(user.name)}
        </span>
        <a className="app-header__who" href="#/account" title="Your account" data-testid="nav-account">
          <span className="app-header__name" data-testid="user-name">
            {user.name}
          </span>
          <span className="app-header__org" data-testid="user-organisation" title={`Role: ${user.role}`}>
            {user.organisationId} · {user.role}
          </span>
        </a>
        <button type="button" className="button button--ghost" onClick={() => onSignOut(false)} data-testid="sign-out">
          Sign out
        </button>
      </div>
    </header>
  );
}
