// Wire types of the Inbox HTTP API and hubs. All JSON is camelCase, enums are lower-case strings.

export type Platform = 'webchat' | 'whatsapp' | 'messenger' | 'instagram' | 'telegram' | 'wechat' | 'line';
export type ConversationStatus = 'open' | 'pending' | 'snoozed' | 'resolved';
export type MessageKind = 'incoming' | 'outgoing' | 'note' | 'activity';
export type DeliveryStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'failed';
export type ConversationPriority = 'none' | 'low' | 'medium' | 'high' | 'urgent';
export type AgentPresence = 'online' | 'away' | 'offline';

export interface ConversationSummary {
  organisationId: string;
  conversationId: string;
  channelId: string;
  platform: Platform;
  contactId: string;
  contactName: string;
  channelUserId: string;
  status: ConversationStatus;
  assigneeId: string | null;
  teamId: string | null;
  /** Whether the customer's profile picture is in the inbox (GET .../conversations/{id}/avatar). */
  contactHasAvatar?: boolean;
  lastSequence: number;
  lastMessagePreview: string;
  createdAt: string;
  lastActivityAt: string;
  priority: ConversationPriority;
  /** Since when the customer waits for an agent (open, nobody assigned); null otherwise. */
  waitingSince: string | null;
  snoozedUntil: string | null;
  /** Counts lifecycle changes (status, assignment, team, priority). */
  revision: number;
  /** Supervisors watching silently. */
  observerIds: string[];
  /**
   * When the platform's messaging window closes (the customer's newest message plus WhatsApp's, Messenger's or
   * Instagram's 24 h, WeChat's 48 h); past it replies are refused. Null: no window on this platform, or the customer never wrote.
   */
  replyWindowClosesAt?: string | null;
  /** What a reply is refused with once that time has passed, in the server's words; null when there is no window. */
  replyWindowRefusal?: string | null;
}

export interface MessageRecord {
  conversationId: string;
  sequence: number;
  messageId: string;
  kind: MessageKind;
  text: string;
  authorId: string;
  authorName: string;
  externalId: string | null;
  deliveryStatus: DeliveryStatus;
  createdAt: string;
  /** Files sent with the message (platform channels). */
  attachments?: MessageAttachment[] | null;
  /** A place the customer shared. */
  location?: MessageLocation | null;
  /** Why part of the message cannot be shown, or why it was not delivered, in plain words. */
  notice?: string | null;
  /** The platform's id once the platform accepted an outgoing message. */
  platformMessageId?: string | null;
  /** Answers an outgoing message offered as buttons. */
  quickReplies?: string[] | null;
}

export type AttachmentKind = 'image' | 'voice' | 'audio' | 'video' | 'file' | 'sticker';

export interface MessageAttachment {
  attachmentId: string;
  kind: AttachmentKind;
  fileName: string | null;
  mimeType: string | null;
  size: number | null;
  blobName: string | null;
}

export interface MessageLocation {
  latitude: number;
  longitude: number;
  name: string | null;
  address: string | null;
}

export interface InboxEvent {
  /** One of `EventNames` (kept as string so unknown future events don't break parsing). */
  type: string;
  sequence: number;
  conversation: ConversationSummary;
  message: MessageRecord | null;
}

/** An event about the organisation rather than one conversation (`ReceiveOrganisationEvent`); one payload is set. */
export interface OrganisationEvent {
  /** `wallboard.updated`, `wallboard.alert`, `agent.presence_changed`, `channel.status_changed` or `channel.alert` (see `EventNames`). */
  type: string;
  organisationId: string;
  wallboard?: WallboardSnapshot | null;
  alert?: WaitAlert | null;
  /** The channel, for `channel.status_changed` and `channel.alert`. */
  channel?: ChannelInfo | null;
  agent?: AgentStatus | null;
  /** For `channel.alert` (admins only): the channel's health when it went wrong or recovered, with `alert` set. */
  health?: ChannelHealth | null;
}

/** An agent as routing and the wallboard see them. */
export interface AgentStatus {
  organisationId: string;
  userId: string;
  name: string;
  /** What they are now: offline once their connections have been gone a while, whatever they chose. */
  presence: AgentPresence;
  /** What they set themselves to. */
  chosenPresence: AgentPresence;
  connected: boolean;
  /** The most open conversations they hold (their own setting or the organisation's default). */
  capacity: number;
  /** Their own setting; null means the organisation's default. */
  ownCapacity: number | null;
  teams: string[];
  channels: string[];
  active: boolean;
}

export interface AgentLoad {
  userId: string;
  name: string;
  presence: AgentPresence;
  load: number;
  capacity: number;
}

/** A customer who has waited past the organisation's alert threshold. */
export interface WaitAlert {
  conversationId: string;
  channelId: string;
  waitingSince: string;
  priority: ConversationPriority;
  teamId: string | null;
  /** The customer's name. */
  contactName: string;
}

/** The supervisors' live view; a client keeps only the highest `version`. */
export interface WallboardSnapshot {
  organisationId: string;
  version: number;
  at: string;
  waiting: number;
  longestWaitingSince: string | null;
  open: number;
  pending: number;
  snoozed: number;
  agents: AgentLoad[];
  longWaits: WaitAlert[];
  agentsOnline: number;
  agentsAway: number;
}

/** A rule's conditions: all that are given must hold; a list matches when any entry does. */
export interface RuleConditions {
  channels?: string[] | null;
  teams?: string[] | null;
  languages?: string[] | null;
  keywords?: string[] | null;
  contactAttributes?: Record<string, string> | null;
  minPriority?: ConversationPriority | null;
}

/** What a matching rule does: at least one of the three. */
export interface RuleAction {
  teamId?: string | null;
  agentId?: string | null;
  priority?: ConversationPriority | null;
}

export interface RoutingRule {
  ruleId: string;
  name: string;
  when: RuleConditions;
  then: RuleAction;
}

export interface RoutingSettings {
  autoAssign: boolean;
  defaultCapacity: number;
  returnToQueueWhenOffline: boolean;
  waitAlertSeconds: number;
  reopenWindowHours: number;
  rules: RoutingRule[];
}

export interface ContactProfile {
  organisationId: string;
  contactId: string;
  name: string;
  identities: string[];
  createdAt: string;
  language: string | null;
  attributes: Record<string, string> | null;
}

export type Role = 'agent' | 'supervisor' | 'admin';
export type UserStatus = 'invited' | 'active' | 'deactivated';

/** What a role may do; the server checks every call again, the UI only hides what would be refused. */
export type Permission =
  | 'conversations_read'
  | 'conversations_read_all'
  | 'conversations_reply'
  | 'conversations_manage'
  | 'users_read'
  | 'users_manage'
  | 'channels_read'
  | 'channels_manage'
  | 'audit_read'
  | 'settings_manage'
  | 'wallboard_read';

export interface CurrentUser {
  userId: string;
  name: string;
  email: string;
  organisationId: string;
  role: Role;
  teams: string[];
  channels: string[];
  permissions: Permission[];
}

export interface User {
  organisationId: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  status: UserStatus;
  teams: string[];
  channels: string[];
}

export interface Invitation {
  user: User;
  /** Shown once: the invitee sets their password with it. */
  invitationToken: string;
  expiresAt: string;
}

export interface UserChange {
  name?: string;
  role?: Role;
  teams?: string[];
  channels?: string[];
}

export interface Team {
  teamId: string;
  name: string;
}

export type ChannelStatus = 'active' | 'disabled' | 'needs_reconnect' | 'rate_limited';

export interface ChannelInfo {
  organisationId: string;
  channelId: string;
  platform: Platform;
  name: string;
  /** A disabled channel takes no replies and shows no new messages; its history stays. */
  status: ChannelStatus;
  /** Why replies cannot be sent on it now, in the server's words; null when they can. */
  sendRefusal: string | null;
  /** Why replies on it wait rather than go at once (rate-limited, needs reconnecting), in the server's words; null when they go. */
  holdNotice: string | null;
  /** While rate-limited: when the platform lets it send again. */
  limitedUntil: string | null;
}

export interface ChannelDetails {
  channel: ChannelInfo;
  /** Names of the credential fields that are set; values are never returned. */
  credentialFields: string[];
  credentialsUpdatedAt: string | null;
  /** Platform ids and the tokens the inbox generated for the admin to paste into the platform (never secrets). */
  settings: Record<string, string> | null;
  /** Where the platform must send webhooks, relative to the inbox's address; null for web chat. */
  webhookPath: string | null;
  /** Inbound messages acknowledged to the platform but dropped while the channel was disabled. */
  discardedWhileDisabled: number;
}

/** What a platform error means for the inbox (docs/channels.md maps every platform's codes to these). */
export type ChannelErrorKind =
  | 'transient'
  | 'rate_limited'
  | 'auth_expired'
  | 'recipient_unreachable'
  | 'window_closed'
  | 'invalid_request'
  | 'already_accepted'
  | 'unknown';

/** A platform's refusal of a send, as support needs it. */
export interface ChannelError {
  /** Its class (kept as string so a kind added later still shows). */
  kind: ChannelErrorKind | string;
  /** The platform's own code. */
  code: string;
  /** The platform's own words. */
  message: string;
  at: string;
}

/** How a channel's sending is going (`GET /api/v1/channels/health`, admins only). */
export interface ChannelHealth {
  channel: ChannelInfo;
  /** Replies stored and waiting to go out (held, paced or being sent). */
  queueDepth: number;
  /** When the oldest of them was written; null when none waits. */
  oldestQueuedAt: string | null;
  /** Replies the platform accepted in the last minute. */
  sendsLastMinute: number;
  /** The pace the channel keeps: the platform's documented limit, or the admin's (0 for web chat: no limit). */
  ratePerSecond: number;
  /** The pace to one customer, where the platform limits it. */
  recipientPerSecond: number | null;
  /** When the platform refused the access token, while it still does. */
  needsReconnectSince: string | null;
  /** The platform's last refusal. */
  lastError: ChannelError | null;
  discardedWhileDisabled: number;
  /** For `channel.alert`: what happened, in a sentence for the admin. */
  alert: string | null;
}

export type ChannelFieldKind = 'setting' | 'secret' | 'generated';

export interface PlatformField {
  name: string;
  kind: ChannelFieldKind;
  description: string;
}

export interface PlatformForm {
  platform: Platform;
  fields: PlatformField[];
}

export interface AuditEntry {
  at: string;
  actor: { kind: 'user' | 'visitor' | 'service' | null; id: string; name: string };
  from: string | null;
  action: string;
  subject: { type: string; id: string };
  before: unknown;
  after: unknown;
  partition: string;
  sequence: number;
  hash: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  subject?: string;
}

export interface AuditVerification {
  partitions: number;
  entries: number;
  firstBroken: { partition: string; sequence: number; reason: string } | null;
}

export interface WidgetMessage {
  messageId: string;
  sequence: number;
  kind: 'incoming' | 'outgoing';
  text: string;
  authorName: string;
  createdAt: string;
}

/** RFC 7807 problem details. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
}

export interface ListResponse<T> {
  items: T[];
}

export interface PageResponse<T> {
  items: T[];
  hasMore: boolean;
}

export type MessagePage = PageResponse<MessageRecord>;
export type WidgetHistoryPage = PageResponse<WidgetMessage>;

export const MaxMessageLength = 4096;

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';
