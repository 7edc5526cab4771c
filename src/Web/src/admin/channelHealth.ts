import type { ChannelError, ChannelHealth, ChannelInfo } from '../api/types';
import { formatFull } from '../shared/format';

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** A time to the second, "14:03:22": rate limits last seconds, so minutes would say nothing. */
export function formatClock(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : clock.format(date);
}

/** When something happened: "14:03:22" today, the full date otherwise. */
export function formatWhen(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toDateString() === now.toDateString() ? clock.format(date) : formatFull(iso);
}

/** The channel's status as its badge says it: "Active", "Disabled", "Needs reconnect", "Rate-limited until 14:03:22". */
export function statusLabel(channel: ChannelInfo): string {
  switch (channel.status) {
    case 'active':
      return 'Active';
    case 'disabled':
      return 'Disabled';
    case 'needs_reconnect':
      return 'Needs reconnect';
    case 'rate_limited':
      return channel.limitedUntil ? `Rate-limited until ${formatClock(channel.limitedUntil)}` : 'Rate-limited';
  }
}

const errorKinds: Record<string, string> = {
  transient: 'The platform had a passing problem',
  rate_limited: "The platform's rate limit was reached",
  auth_expired: 'The platform refused the access token',
  recipient_unreachable: 'The customer cannot be reached',
  window_closed: "The platform's reply window had closed",
  invalid_request: 'The platform refused the request as invalid',
  already_accepted: 'The platform already had the message',
  unknown: 'An error the inbox does not know',
};

/** An error's kind in plain words (docs/channels.md maps every platform code to a kind). */
export function errorKindLabel(error: ChannelError): string {
  return errorKinds[error.kind] ?? error.kind;
}

function number(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toLocaleString(undefined, { maximumFractionDigits: 2 });
}

/** A pace in words: "30 messages/s", "1 message/s", "1 message every 6 s". */
export function formatRate(perSecond: number): string {
  if (perSecond === 1) return '1 message/s';
  if (perSecond > 1) return `${number(perSecond)} messages/s`;
  return `1 message every ${number(Math.round((1 / perSecond) * 10) / 10)} s`;
}

/** The channel's pace and, where the platform limits it, the pace to one customer. */
export function paceLabel(health: ChannelHealth): string {
  const perCustomer = health.recipientPerSecond ? `, ${formatRate(health.recipientPerSecond)} to one customer` : '';
  return `${formatRate(health.ratePerSecond)}${perCustomer}`;
}
