import type {
  AgentPresence,
  AgentStatus,
  AuditFilter,
  AuditPage,
  AuditVerification,
  ChannelDetails,
  ChannelHealth,
  ContactProfile,
  ConversationPriority,
  ConversationStatus,
  ConversationSummary,
  CurrentUser,
  Invitation,
  ListResponse,
  MessagePage,
  MessageRecord,
  Platform,
  PlatformForm,
  ProblemDetails,
  Role,
  RoutingSettings,
  Team,
  User,
  UserChange,
  WallboardSnapshot,
} from './types';

/** A failed HTTP call; `message` is the problem's `detail` (or `title`), ready to show to the user. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | null;

  constructor(status: number, message: string, problem: ProblemDetails | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler | null = null;

/** Called when an authenticated call answers 401 (the session cookie expired or was revoked). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  onUnauthorized = handler;
}

interface RequestOptions {
  body?: unknown;
  /** Don't treat 401 as "session lost" (login and session probe handle it themselves). */
  allowAnonymous?: boolean;
}

async function readProblem(response: Response): Promise<ProblemDetails | null> {
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('json')) return null;
  try {
    return (await response.json()) as ProblemDetails;
  } catch {
    return null;
  }
}

function describe(status: number, problem: ProblemDetails | null): string {
  const text = problem?.detail?.trim() || problem?.title?.trim();
  if (text) return text;
  if (status === 401) return 'You are not signed in.';
  if (status === 403) return 'You are not allowed to do that.';
  if (status === 404) return 'Not found.';
  return `Request failed (HTTP ${status}).`;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    // Makes ASP.NET Core cookie auth answer 401 instead of redirecting to a login page.
    'X-Requested-With': 'XMLHttpRequest',
  };
  let body: string | FormData | undefined;
  if (options.body instanceof FormData) {
    // The browser sets the multipart content type with its boundary.
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  // Reads are retried while the server says it is briefly unavailable (503, e.g. a gateway reconnecting to a
  // restarted silo) or cannot be reached; writes are not, so nothing is ever sent twice by this layer.
  const attempts = method === 'GET' ? 5 : 1;
  let response: Response | null = null;
  for (let attempt = 1; ; attempt++) {
    try {
      response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
    } catch {
      response = null;
    }
    const retryable = response === null || response.status === 503;
    if (!retryable || attempt >= attempts) break;
    const retryAfter = Number(response?.headers.get('retry-after'));
    const delayMs = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 5) * 1000 : 500 * 2 ** (attempt - 1);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  if (response === null) {
    throw new ApiError(0, 'Cannot reach the server. Check your connection and try again.');
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !options.allowAnonymous) onUnauthorized?.();
    throw new ApiError(response.status, describe(response.status, problem), problem);
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const conversationPath = (conversationId: string) =>
  `/api/v1/conversations/${encodeURIComponent(conversationId)}`;

const channelPath = (channelId: string) => `/api/v1/channels/${encodeURIComponent(channelId)}`;

const userPath = (userId: string) => `/api/v1/users/${encodeURIComponent(userId)}`;

/** Query string of the defined, non-empty values. */
function query(values: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface ListMessagesOptions {
  limit?: number;
  /** Only messages with a sequence lower than this (for scrolling back). */
  before?: number | null;
}

export const api = {
  /** The signed-in user, or null when there is no valid session. */
  async getSession(): Promise<CurrentUser | null> {
    try {
      return await request<CurrentUser>('GET', '/api/v1/session', { allowAnonymous: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },

  signIn(email: string, password: string): Promise<CurrentUser> {
    return request<CurrentUser>('POST', '/api/v1/session', {
      body: { email, password },
      allowAnonymous: true,
    });
  },

  /** Changes the signed-in user's password; every other session ends, this one continues under a new cookie. */
  changePassword(currentPassword: string, newPassword: string): Promise<CurrentUser> {
    return request<CurrentUser>('PUT', '/api/v1/session/password', { body: { currentPassword, newPassword } });
  },

  /** Ends this session on the server (or, with `everywhere`, every session of the user). */
  signOut(everywhere = false): Promise<void> {
    return request<void>('DELETE', `/api/v1/session${everywhere ? '?everywhere=true' : ''}`, { allowAnonymous: true });
  },

  /** Newest activity first; only those with `status` when given. */
  async listConversations(limit = 100, status: ConversationStatus | null = null): Promise<ConversationSummary[]> {
    const page = await request<ListResponse<ConversationSummary>>('GET', `/api/v1/conversations${query({ status, limit })}`);
    return page.items;
  },

  /** Open, pending, snoozed (until `snoozeUntil`, an ISO time) or resolved; the chat gets an activity notice. */
  setStatus(conversationId: string, status: ConversationStatus, snoozeUntil: string | null = null): Promise<ConversationSummary> {
    return request<ConversationSummary>('POST', `${conversationPath(conversationId)}/status`, { body: { status, snoozeUntil } });
  },

  setPriority(conversationId: string, priority: ConversationPriority): Promise<ConversationSummary> {
    return request<ConversationSummary>('POST', `${conversationPath(conversationId)}/priority`, { body: { priority } });
  },

  /** Assigns to someone, or with `assigneeId` null sends it back to the queue; `teamId` null keeps the team, "" removes it. */
  assign(conversationId: string, assigneeId: string | null, teamId: string | null = null): Promise<ConversationSummary> {
    return request<ConversationSummary>('POST', `${conversationPath(conversationId)}/assignment`, { body: { assigneeId, teamId } });
  },

  /** Supervisors start or stop watching a conversation silently. */
  observe(conversationId: string, observing: boolean): Promise<ConversationSummary> {
    return request<ConversationSummary>(observing ? 'PUT' : 'DELETE', `${conversationPath(conversationId)}/observers/me`);
  },

  /** An internal note: shown to the team, never sent to the customer. */
  addNote(conversationId: string, text: string): Promise<MessageRecord> {
    return request<MessageRecord>('POST', `${conversationPath(conversationId)}/notes`, { body: { text } });
  },

  getContact(contactId: string): Promise<ContactProfile> {
    return request<ContactProfile>('GET', `/api/v1/contacts/${encodeURIComponent(contactId)}`);
  },

  updateContact(contactId: string, change: { language?: string; attributes?: Record<string, string> }): Promise<ContactProfile> {
    return request<ContactProfile>('PATCH', `/api/v1/contacts/${encodeURIComponent(contactId)}`, { body: change });
  },

  /** An agent's presence, load settings and whether they are connected; `me` for oneself. */
  getAgent(userId = 'me'): Promise<AgentStatus> {
    return request<AgentStatus>('GET', `/api/v1/agents/${encodeURIComponent(userId)}`);
  },

  setPresence(presence: AgentPresence): Promise<AgentStatus> {
    return request<AgentStatus>('PUT', '/api/v1/agents/me/presence', { body: { presence } });
  },

  /** Admins: the most open conversations an agent holds; null for the organisation's default. */
  setCapacity(userId: string, capacity: number | null): Promise<AgentStatus> {
    return request<AgentStatus>('PUT', `/api/v1/agents/${encodeURIComponent(userId)}/capacity`, { body: { capacity } });
  },

  getRoutingSettings(): Promise<RoutingSettings> {
    return request<RoutingSettings>('GET', '/api/v1/routing/settings');
  },

  /** Replaces the routing settings and rules (admins); a 400's message says which rule and what is wrong. */
  saveRoutingSettings(settings: RoutingSettings): Promise<RoutingSettings> {
    return request<RoutingSettings>('PUT', '/api/v1/routing/settings', { body: settings });
  },

  getWallboard(): Promise<WallboardSnapshot> {
    return request<WallboardSnapshot>('GET', '/api/v1/wallboard');
  },

  getConversation(conversationId: string): Promise<ConversationSummary> {
    return request<ConversationSummary>('GET', conversationPath(conversationId));
  },

  listMessages(conversationId: string, { limit = 50, before = null }: ListMessagesOptions = {}): Promise<MessagePage> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (before !== null) query.set('before', String(before));
    return request<MessagePage>('GET', `${conversationPath(conversationId)}/messages?${query}`);
  },

  sendMessage(conversationId: string, text: string, clientMessageId: string): Promise<MessageRecord> {
    return request<MessageRecord>('POST', `${conversationPath(conversationId)}/messages`, {
      body: { text, clientMessageId },
    });
  },

  /** Sends a file (platform conversations), with an optional caption. */
  sendFile(conversationId: string, file: File, caption: string, clientMessageId: string): Promise<MessageRecord> {
    const form = new FormData();
    form.append('file', file);
    form.append('caption', caption);
    form.append('clientMessageId', clientMessageId);
    return request<MessageRecord>('POST', `${conversationPath(conversationId)}/messages/files`, { body: form });
  },

  async listUsers(): Promise<User[]> {
    return (await request<ListResponse<User>>('GET', '/api/v1/users')).items;
  },

  inviteUser(invite: { name: string; email: string; role: Role; teams: string[]; channels: string[] }): Promise<Invitation> {
    return request<Invitation>('POST', '/api/v1/users', { body: invite });
  },

  updateUser(userId: string, change: UserChange): Promise<User> {
    return request<User>('PATCH', userPath(userId), { body: change });
  },

  deactivateUser(userId: string): Promise<User> {
    return request<User>('POST', `${userPath(userId)}/deactivate`);
  },

  reactivateUser(userId: string): Promise<User> {
    return request<User>('POST', `${userPath(userId)}/reactivate`);
  },

  reinviteUser(userId: string): Promise<Invitation> {
    return request<Invitation>('POST', `${userPath(userId)}/invitation`);
  },

  /** A password-reset link for an active user (shown once). */
  resetPassword(userId: string): Promise<Invitation> {
    return request<Invitation>('POST', `${userPath(userId)}/password-reset`);
  },

  /** Sets the password of whoever holds an invitation or reset link; no session needed. */
  acceptInvitation(token: string, password: string): Promise<User> {
    return request<User>('POST', '/api/v1/invitations/accept', { body: { token, password }, allowAnonymous: true });
  },

  async listTeams(): Promise<Team[]> {
    return (await request<ListResponse<Team>>('GET', '/api/v1/teams')).items;
  },

  saveTeam(teamId: string, name: string): Promise<Team> {
    return request<Team>('PUT', `/api/v1/teams/${encodeURIComponent(teamId)}`, { body: { name } });
  },

  async listPlatforms(): Promise<PlatformForm[]> {
    return (await request<ListResponse<PlatformForm>>('GET', '/api/v1/channels/platforms')).items;
  },

  connectChannel(platform: Platform, name: string, fields: Record<string, string>): Promise<ChannelDetails> {
    return request<ChannelDetails>('POST', '/api/v1/channels', { body: { platform, name, fields } });
  },

  setChannelEnabled(channelId: string, enabled: boolean): Promise<ChannelDetails> {
    return request<ChannelDetails>('POST', `${channelPath(channelId)}/${enabled ? 'enable' : 'disable'}`);
  },

  async listChannels(): Promise<ChannelDetails[]> {
    return (await request<ListResponse<ChannelDetails>>('GET', '/api/v1/channels')).items;
  },

  /** Replaces some of a channel's credentials (the others are kept); a channel that needed reconnecting sends its held replies. */
  setChannelCredentials(channelId: string, fields: Record<string, string>): Promise<ChannelDetails> {
    return request<ChannelDetails>('PUT', `${channelPath(channelId)}/credentials`, { body: fields });
  },

  /** Every channel's sending health (admins). */
  async listChannelHealth(): Promise<ChannelHealth[]> {
    return (await request<ListResponse<ChannelHealth>>('GET', '/api/v1/channels/health')).items;
  },

  getChannelHealth(channelId: string): Promise<ChannelHealth> {
    return request<ChannelHealth>('GET', `${channelPath(channelId)}/health`);
  },

  /** The pace a channel sends at, in messages per second; null goes back to the platform's documented limit. A 400 says the allowed range. */
  setChannelRate(channelId: string, perSecond: number | null): Promise<ChannelHealth> {
    return request<ChannelHealth>('PUT', `${channelPath(channelId)}/rate`, { body: { perSecond } });
  },

  queryAudit(filter: AuditFilter, cursor: string | null, limit = 50): Promise<AuditPage> {
    return request<AuditPage>('GET', `/api/v1/audit${query({ ...filter, cursor, limit })}`);
  },

  /** The download link of every entry matching the filter, as CSV (the export is itself audited). */
  auditExportUrl(filter: AuditFilter): string {
    return `/api/v1/audit/export${query({ ...filter, format: 'csv' })}`;
  },

  verifyAudit(filter: Pick<AuditFilter, 'from' | 'to'>): Promise<AuditVerification> {
    return request<AuditVerification>('GET', `/api/v1/audit/verify${query(filter)}`);
  },
};
