import type { ChannelHealth } from '../api/types';
import { formatFull } from '../shared/format';
import { useNow } from '../shared/useNow';
import { waitedFor } from '../shared/waiting';
import { errorKindLabel, formatWhen, paceLabel } from './channelHealth';
import { PaceEditor } from './PaceEditor';

interface Props {
  health: ChannelHealth;
  onChanged: (health: ChannelHealth) => void;
  /** Opens the channel's credentials form. */
  onReconnect: () => void;
}

/** How a platform channel's sending goes: what needs doing, the queue, recent sends, the pace and the last error. */
export function ChannelHealthPanel({ health, onChanged, onReconnect }: Props) {
  const now = useNow(1_000);
  const { channel, lastError } = health;
  return (
    <div className="channel-health" data-testid="channel-health">
      {channel.status === 'needs_reconnect' && (
        <div className="callout callout--danger channel-health__action" role="alert" data-testid="channel-needs-reconnect">
          <p>
            {channel.holdNotice ?? 'The platform refused the access token: an admin must reconnect the channel.'}
            {health.needsReconnectSince && ` Since ${formatWhen(health.needsReconnectSince)}.`}
          </p>
          <button type="button" className="button button--primary" onClick={onReconnect} data-testid="channel-reconnect">
            Reconnect
          </button>
        </div>
      )}
      {channel.status === 'rate_limited' && channel.holdNotice && (
        <p className="callout callout--warn" role="status" data-testid="channel-hold-notice">
          {channel.holdNotice}
        </p>
      )}
      <dl className="channel-health__figures">
        <div>
          <dt>Queued replies</dt>
          <dd data-testid="channel-queue">
            {health.queueDepth === 0
              ? 'none'
              : `${health.queueDepth}${health.oldestQueuedAt ? `, oldest waiting ${waitedFor(health.oldestQueuedAt, now)}` : ''}`}
          </dd>
        </div>
        <div>
          <dt>Sent in the last minute</dt>
          <dd data-testid="channel-sends">{health.sendsLastMinute}</dd>
        </div>
        <div className="channel-health__pace">
          <dt>Pace</dt>
          <dd>
            <span data-testid="channel-pace">{paceLabel(health)}</span>
            <PaceEditor channelId={channel.channelId} onChanged={onChanged} />
          </dd>
        </div>
        <div className="channel-health__error">
          <dt>Last error</dt>
          <dd data-testid="channel-last-error">
            {lastError ? (
              <>
                <strong data-testid="channel-last-error-kind">{errorKindLabel(lastError)}</strong>
                {' · '}code <code>{lastError.code}</code>
                {' · '}“{lastError.message}”{' · '}
                <time dateTime={lastError.at} title={formatFull(lastError.at)}>
                  {formatWhen(lastError.at)}
                </time>
              </>
            ) : (
              'none'
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}
