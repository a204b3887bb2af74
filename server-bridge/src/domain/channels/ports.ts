// What channel settings need from storage. Settings other than the key
// prefix (which lives with the key sequences) are one row per channel; a
// channel without a row has the defaults.

/** A channel's handoff notices: a short line in the channel whenever a task of it changes hands. */
export interface ChannelNoticeSettings {
  /** Post a line in the channel for every handoff of one of its tasks (workflow baton passes and run completions included). */
  handoffs: boolean;
  /**
   * Keep the line from the channel's guests: while the channel has guest
   * members, each other member gets the line as an ephemeral post instead of
   * one channel post (Mattermost has no per-post audience).
   */
  excludeGuests: boolean;
}

export const DEFAULT_CHANNEL_NOTICES: ChannelNoticeSettings = {handoffs: false, excludeGuests: false};

/** Who does what in the channel: its guests' permissions and who gets what arrives from outside (web intake). */
export interface ChannelRoleSettings {
  /** Guests of the channel may create tasks in it (they may always see, comment, and move what they created or hold). */
  guests: {mayCreateTasks: boolean};
  /** Holds the tasks a web intake creates: a member of the channel, not a guest; null: nobody (the tasks wait unheld). */
  triageHolderId: string | null;
}

export const DEFAULT_CHANNEL_ROLES: ChannelRoleSettings = {guests: {mayCreateTasks: false}, triageHolderId: null};

export interface ChannelSettingsReads {
  /** The channel's notice settings; the defaults when nobody has changed them. */
  channelNotices(channelId: string): Promise<ChannelNoticeSettings>;
  /** The channel's guest permissions and triage holder; the defaults when nobody has changed them. */
  channelRoles(channelId: string): Promise<ChannelRoleSettings>;
}

export interface ChannelSettingsWrites {
  setChannelNotices(channelId: string, notices: ChannelNoticeSettings, by: {actorId: string; at: Date}): Promise<void>;
  setChannelRoles(channelId: string, roles: ChannelRoleSettings, by: {actorId: string; at: Date}): Promise<void>;
}
