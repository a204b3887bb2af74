import type {ChannelAccess} from '../domain/tasks/ports';

// Mattermost's answers about channels, for domain and storage tests that do
// not start the simulator: who is a member, who administers, who is a
// guest, names.

export interface FakeChannel {
  name: string;
  members: string[];
  /** Channel admins (each must also be a member). */
  admins?: string[];
}

export function fakeChannelAccess(world: {channels: Record<string, FakeChannel>; usernames?: Record<string, string>; systemAdmins?: string[]; guests?: string[]}): ChannelAccess {
  const {channels, usernames = {}, systemAdmins = [], guests = []} = world;
  return {
    isMember: async (userId, channelId) => channels[channelId]?.members.includes(userId) ?? false,
    channelName: async (channelId) => channels[channelId]?.name,
    username: async (userId) => usernames[userId],
    memberChannelIds: async (userId) => Object.entries(channels).filter(([, channel]) => channel.members.includes(userId)).map(([id]) => id),
    canManageChannel: async (userId, channelId) => systemAdmins.includes(userId) || (channels[channelId]?.admins?.includes(userId) ?? false),
    isSystemAdmin: async (userId) => systemAdmins.includes(userId),
    isGuest: async (userId) => guests.includes(userId),
  };
}
