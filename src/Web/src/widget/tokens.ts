import { newId } from '../shared/ids';

export const DefaultWebsiteToken = 'demo-website-token';
const VisitorTokenKey = 'inbox.visitorToken';

/** `?websiteToken=XYZ`, or the demo token. */
export function websiteTokenFromUrl(search = window.location.search): string {
  return new URLSearchParams(search).get('websiteToken')?.trim() || DefaultWebsiteToken;
}

let memoryToken: string | null = null;

/** The visitor's id in this browser: kept in localStorage so the conversation survives a reload. */
export function visitorToken(): string {
  try {
    const stored = window.localStorage.getItem(VisitorTokenKey);
    if (stored) return stored;
    const created = newId();
    window.localStorage.setItem(VisitorTokenKey, created);
    return created;
  } catch {
    // Storage disabled (private mode, blocked cookies): keep one token for this page view.
    memoryToken ??= newId();
    return memoryToken;
  }
}
