// Entities as Mattermost's REST API returns them (server/public/model/*.go),
// limited to the fields Baton and the harness use. Times are epoch ms.

export interface Timezone {
  useAutomaticTimezone: 'true' | 'false';
  automaticTimezone: string;
  manualTimezone: string;
}

export interface User {
  id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  username: string;
  auth_service: string;
  email: string;
  nickname: string;
  first_name: string;
  last_name: string;
  position: string;
  /** Space-separated: `system_user`, `system_admin`, `system_guest`. */
  roles: string;
  locale: string;
  timezone: Timezone;
  is_bot: boolean;
  bot_description?: string;
  props: Record<string, string>;
  notify_props: Record<string, string>;
}

/** Stored beside the user; never serialized to clients. */
export interface Credentials {
  userId: string;
  password: string;
}

export interface Team {
  id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  display_name: string;
  name: string;
  description: string;
  email: string;
  type: 'O' | 'I';
  allow_open_invite: boolean;
}

export interface TeamMember {
  team_id: string;
  user_id: string;
  roles: string;
  delete_at: number;
  scheme_guest: boolean;
  scheme_user: boolean;
  scheme_admin: boolean;
}

/** O open, P private, D direct, G group. */
export type ChannelType = 'O' | 'P' | 'D' | 'G';

export interface Channel {
  id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  team_id: string;
  type: ChannelType;
  display_name: string;
  name: string;
  header: string;
  purpose: string;
  last_post_at: number;
  total_msg_count: number;
  creator_id: string;
}

export interface ChannelMember {
  channel_id: string;
  user_id: string;
  roles: string;
  last_viewed_at: number;
  msg_count: number;
  mention_count: number;
  notify_props: Record<string, string>;
  last_update_at: number;
  scheme_guest: boolean;
  scheme_user: boolean;
  scheme_admin: boolean;
}

export interface Post {
  id: string;
  create_at: number;
  update_at: number;
  edit_at: number;
  delete_at: number;
  is_pinned: boolean;
  user_id: string;
  channel_id: string;
  root_id: string;
  original_id: string;
  message: string;
  type: string;
  props: Record<string, unknown>;
  hashtags: string;
  pending_post_id: string;
  reply_count: number;
  metadata: Record<string, unknown>;
}

export interface Bot {
  user_id: string;
  username: string;
  display_name: string;
  description: string;
  owner_id: string;
  /** When the icon was last set (POST /bots/{id}/icon); 0 without one. */
  last_icon_update: number;
  create_at: number;
  update_at: number;
  delete_at: number;
}

export interface UserAccessToken {
  id: string;
  token: string;
  user_id: string;
  description: string;
  is_active: boolean;
}

export interface Session {
  id: string;
  token: string;
  user_id: string;
  create_at: number;
  expires_at: number;
  csrf_token: string;
  /** How the session was made: login (cookie-capable) or a personal access token. */
  kind: 'login' | 'access_token';
}

export interface Command {
  id: string;
  token: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  creator_id: string;
  team_id: string;
  trigger: string;
  method: 'P' | 'G';
  username: string;
  icon_url: string;
  auto_complete: boolean;
  auto_complete_desc: string;
  auto_complete_hint: string;
  display_name: string;
  description: string;
  url: string;
}

/** A plugin installed on the simulated server (webapp part only). */
export interface InstalledPlugin {
  manifest: {id: string; version: string; name: string; webapp?: {bundle_path: string}; [key: string]: unknown};
  /** Absolute path of the bundle on disk; read on every request so rebuilds show up. */
  bundleFile: string;
  /**
   * The bundle's `assets/` directory. Mattermost does not serve it over HTTP
   * (only the plugin's server part reads it); kept so the sandbox can describe
   * the plugin as a real bundle would.
   */
  assetsDir?: string;
  /** The bundle's `public/` directory, served at /plugins/<id>/public/ (app/plugin_requests.go). */
  publicDir?: string;
  enabled: boolean;
}

/** A slash command's response_url (model/command_webhook.go). */
export interface CommandWebhook {
  id: string;
  commandId: string;
  userId: string;
  channelId: string;
  rootId: string;
  createAt: number;
  useCount: number;
}
