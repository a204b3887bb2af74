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

export interface ChannelSettingsReads {
  /** The channel's notice settings; the defaults when nobody has changed them. */
  channelNotices(channelId: string): Promise<ChannelNoticeSettings>;
}

export interface ChannelSettingsWrites {
  setChannelNotices(channelId: string, notices: ChannelNoticeSettings, by: {actorId: string; at: Date}): Promise<void>;
}
