// Wire types of the Inbox HTTP API and hubs. All JSON is camelCase, enums are lower-case strings.

export type Platform = 'webchat' | 'whatsapp' | 'messenger' | 'instagram' | 'telegram' | 'wechat' | 'line';
export type ConversationStatus = 'open' | 'pending' | 'snoozed' | 'resolved';
export type MessageKind = 'incoming' | 'outgoing' | 'note' | 'activity';
export type DeliveryStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'failed';

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
  lastSequence: number;
  lastMessagePreview: string;
  createdAt: string;
  lastActivityAt: string;
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
}

export interface InboxEvent {
  /** One of `EventNames` (kept as string so unknown future events don't break parsing). */
  type: string;
  sequence: number;
  conversation: ConversationSummary;
  message: MessageRecord | null;
}

export interface CurrentUser {
  userId: string;
  name: string;
  email: string;
  organisationId: string;
  role: string;
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
