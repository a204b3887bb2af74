import type {
  Bot,
  Channel,
  ChannelMember,
  Command,
  CommandWebhook,
  Credentials,
  InstalledPlugin,
  Post,
  Session,
  Team,
  TeamMember,
  User,
  UserAccessToken,
} from './entities';

// The simulator's state: plain maps, in memory, one per server instance.
// Mutations that Mattermost broadcasts go through services/ so the WebSocket
// events are never forgotten; routes read from here directly.

export interface SimStore {
  users: Map<string, User>;
  credentials: Map<string, Credentials>;
  teams: Map<string, Team>;
  /** key `${team_id}:${user_id}` */
  teamMembers: Map<string, TeamMember>;
  channels: Map<string, Channel>;
  /** key `${channel_id}:${user_id}` */
  channelMembers: Map<string, ChannelMember>;
  posts: Map<string, Post>;
  bots: Map<string, Bot>;
  accessTokens: Map<string, UserAccessToken>;
  /** Bot icons (Mattermost's file store `bots/<id>/icon.svg`), never serialized with the bot. */
  botIcons: Map<string, Buffer>;
  sessions: Map<string, Session>;
  commands: Map<string, Command>;
  commandWebhooks: Map<string, CommandWebhook>;
  plugins: Map<string, InstalledPlugin>;
  /** Open interactive-dialog trigger ids → expiry (ms epoch) and user. */
  triggers: Map<string, {userId: string; expiresAt: number}>;
}

export function createStore(): SimStore {
  return {
    users: new Map(),
    credentials: new Map(),
    teams: new Map(),
    teamMembers: new Map(),
    channels: new Map(),
    channelMembers: new Map(),
    posts: new Map(),
    bots: new Map(),
    accessTokens: new Map(),
    botIcons: new Map(),
    sessions: new Map(),
    commands: new Map(),
    commandWebhooks: new Map(),
    plugins: new Map(),
    triggers: new Map(),
  };
}

export const memberKey = (scopeId: string, userId: string) => `${scopeId}:${userId}`;

export function findUserByUsername(store: SimStore, username: string): User | undefined {
  const wanted = username.toLowerCase();
  for (const user of store.users.values()) if (user.username === wanted) return user;
  return undefined;
}

export function findChannelByName(store: SimStore, teamId: string, name: string): Channel | undefined {
  for (const channel of store.channels.values()) if (channel.team_id === teamId && channel.name === name) return channel;
  return undefined;
}

export function channelMemberIds(store: SimStore, channelId: string): string[] {
  const ids: string[] = [];
  for (const member of store.channelMembers.values()) if (member.channel_id === channelId) ids.push(member.user_id);
  return ids;
}

export function teamMemberIds(store: SimStore, teamId: string): string[] {
  const ids: string[] = [];
  for (const member of store.teamMembers.values()) if (member.team_id === teamId && member.delete_at === 0) ids.push(member.user_id);
  return ids;
}

export const isSystemAdmin = (user: User) => user.roles.split(' ').includes('system_admin');
export const isGuest = (user: User) => user.roles.split(' ').includes('system_guest');
