import { useState } from 'react';
import type { Invitation } from '../api/types';
import { formatFull } from '../shared/format';
import { invitationLink } from '../shared/useHashRoute';

interface Props {
  invitation: Invitation;
  onClose: () => void;
}

/** The one time an invitation or password-reset link is shown: the admin copies it to the user. */
export function InvitationLink({ invitation, onClose }: Props) {
  const link = invitationLink(invitation.invitationToken);
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="callout callout--ok" role="status" data-testid="invitation-link">
      <p>
        Send this link to <strong>{invitation.user.name}</strong> ({invitation.user.email}) to choose{' '}
        {invitation.user.status === 'invited' ? 'their password and join' : 'a new password'}. It works once, until{' '}
        {formatFull(invitation.expiresAt)}, and is not shown again.
      </p>
      <div className="callout__row">
        <input className="callout__link" readOnly value={link} onFocus={(e) => e.target.select()} data-testid="invitation-url" />
        <button type="button" className="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="button button--ghost" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
