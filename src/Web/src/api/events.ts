/** Names of the events the server pushes through `ReceiveEvent` on /hubs/inbox. */
export const EventNames = {
  ConversationCreated: 'conversation.created',
  ConversationUpdated: 'conversation.updated',
  MessageCreated: 'message.created',
  MessageUpdated: 'message.updated',
  ConversationAssigned: 'conversation.assigned',
  ConversationStatusChanged: 'conversation.status_changed',
  AgentPresenceChanged: 'agent.presence_changed',
  WallboardUpdated: 'wallboard.updated',
  WallboardAlert: 'wallboard.alert',
  ChannelStatusChanged: 'channel.status_changed',
  ChannelAlert: 'channel.alert',
} as const;

export type EventName = (typeof EventNames)[keyof typeof EventNames];

/** Client methods the hubs call on us. */
export const HubMethods = {
  ReceiveEvent: 'ReceiveEvent',
  ReceiveMessage: 'ReceiveMessage',
  ReceiveOrganisationEvent: 'ReceiveOrganisationEvent',
} as const;
