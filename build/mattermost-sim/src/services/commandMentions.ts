import type {SimContext} from '../context';
import {findUserByUsername} from '../store/store';
import {isTeamMember} from './integrationPermissions';

// The @user and ~channel mentions sent with a slash command
// (server/channels/app/command.go MentionsToTeamMembers, possibleAtMentions,
// trimUsernameSpecialChar, MentionsToPublicChannels; model/channel_mentions.go
// ChannelMentions; model/mention_map.go ToURLValues). Mattermost collects them
// in Go maps, so their order is unspecified; the simulator keeps the order in
// which they appear in the text. Names and ids are always parallel.

const AT_MENTION = /\B@[A-Za-z0-9][A-Za-z0-9.\-_:]*/g;
const CHANNEL_MENTION = /\B~[a-zA-Z0-9\-_]+/g;
const RESTRICTED_USERNAMES = new Set(['all', 'channel', 'matterbot', 'system']);

/** model.IsValidUsernameAllowRemote. */
function isValidUsernameAllowRemote(name: string): boolean {
  const length = Buffer.byteLength(name);
  return length >= 1 && length <= 64 && /^[a-z0-9.\-_:]+$/.test(name) && !RESTRICTED_USERNAMES.has(name);
}

function possibleAtMentions(message: string): string[] {
  const names: string[] = [];
  if (!message.includes('@')) return names;
  for (const match of message.matchAll(AT_MENTION)) {
    const name = match[0].slice(1).toLowerCase();
    if (!names.includes(name) && isValidUsernameAllowRemote(name)) names.push(name);
  }
  return names;
}

/** Mention name → user id, for users in the team; `@bob.` also finds `bob`. */
export function mentionsToTeamMembers(ctx: SimContext, message: string, teamId: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const mention of possibleAtMentions(message)) {
    let name = mention;
    let user = findUserByUsername(ctx.store, name);
    while (!user && /[.\-_]$/.test(name)) {
      name = name.slice(0, -1);
      user = findUserByUsername(ctx.store, name);
    }
    if (user && isTeamMember(ctx, teamId, user.id)) found.set(name, user.id);
  }
  return found;
}

/** Mention name → channel id, for open channels of the team. */
export function mentionsToPublicChannels(ctx: SimContext, message: string, teamId: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!message.includes('~')) return found;
  for (const match of message.matchAll(CHANNEL_MENTION)) {
    const name = match[0].slice(1);
    if (found.has(name)) continue;
    for (const channel of ctx.store.channels.values()) {
      if (channel.team_id === teamId && channel.name === name && channel.delete_at === 0 && channel.type === 'O') found.set(name, channel.id);
    }
  }
  return found;
}

/** ToURLValues: two repeated keys, names and ids in the same order; nothing when empty. */
export function addMentionValues(values: Map<string, string[]>, mentions: Map<string, string>, nameKey: string, idKey: string): void {
  if (mentions.size === 0) return;
  values.set(nameKey, [...mentions.keys()]);
  values.set(idKey, [...mentions.values()]);
}
