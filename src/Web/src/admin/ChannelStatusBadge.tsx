import type { ChannelInfo } from '../api/types';
import { formatFull } from '../shared/format';
import { statusLabel } from './channelHealth';

/** The channel's status at a glance; the hold notice (why replies wait) on hover. */
export function ChannelStatusBadge({ channel }: { channel: ChannelInfo }) {
  const title = channel.sendRefusal ?? channel.holdNotice ?? (channel.limitedUntil ? `Until ${formatFull(channel.limitedUntil)}` : undefined);
  return (
    <span className={`channel-status channel-status--${channel.status}`} data-testid="channel-status" data-status={channel.status} title={title}>
      {statusLabel(channel)}
    </span>
  );
}
