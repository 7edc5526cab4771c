import { AccountPage } from '../admin/AccountPage';
import { AuditPage } from '../admin/AuditPage';
import { ChannelsPage } from '../admin/ChannelsPage';
import { RoutingPage } from '../admin/RoutingPage';
import { TeamPage } from '../admin/TeamPage';
import type { CurrentUser } from '../api/types';
import { ChannelAlerts } from '../live/ChannelAlerts';
import { useChannelAlerts } from '../live/useChannelAlerts';
import { usePresence } from '../live/usePresence';
import { useLiveConnection } from '../live/useLiveConnection';
import { useWaitAlerts } from '../live/useWaitAlerts';
import { WaitAlerts } from '../live/WaitAlerts';
import type { Route } from '../shared/useHashRoute';
import { WallboardPage } from '../wallboard/WallboardPage';
import { AppHeader, type Page } from './AppHeader';
import { InboxPage } from './InboxPage';

interface Props {
  user: CurrentUser;
  route: Route;
  onSignOut: (everywhere: boolean) => void;
  onSessionLost: () => void;
  onPasswordChanged: (user: CurrentUser) => void;
}

/** The signed-in user's pages, under one header and one live connection that stays up from page to page. */
export function SignedInApp({ user, route, onSignOut, onSessionLost, onPasswordChanged }: Props) {
  const live = useLiveConnection(onSessionLost);
  const presence = usePresence(user.userId, live);
  const can = (permission: CurrentUser['permissions'][number]) => user.permissions.includes(permission);
  const waitAlerts = useWaitAlerts(live, can('wallboard_read'));
  const channelAlerts = useChannelAlerts(live, can('channels_manage'));

  let page: Page = 'inbox';
  let content = <InboxPage user={user} live={live} />;
  if (route.page === 'team' && can('users_read')) {
    page = 'team';
    content = <TeamPage user={user} />;
  } else if (route.page === 'account') {
    page = 'account';
    content = <AccountPage user={user} onPasswordChanged={onPasswordChanged} onSignOutEverywhere={() => onSignOut(true)} />;
  } else if (route.page === 'channels' && can('channels_manage')) {
    page = 'channels';
    content = <ChannelsPage live={live} focusChannelId={route.channelId} />;
  } else if (route.page === 'audit' && can('audit_read')) {
    page = 'audit';
    content = <AuditPage />;
  } else if (route.page === 'wallboard' && can('wallboard_read')) {
    page = 'wallboard';
    content = <WallboardPage live={live} />;
  } else if (route.page === 'routing' && can('settings_manage')) {
    page = 'routing';
    content = <RoutingPage />;
  }

  return (
    <div className="inbox">
      <AppHeader user={user} page={page} connection={live.state} presence={presence} onSignOut={onSignOut} />
      <ChannelAlerts alerts={channelAlerts.alerts} onDismiss={channelAlerts.dismiss} />
      <WaitAlerts alerts={waitAlerts.alerts} onDismiss={waitAlerts.dismiss} />
      {content}
    </div>
  );
}
