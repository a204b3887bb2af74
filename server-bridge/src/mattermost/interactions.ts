import {z} from 'zod';
import {createBotRequest} from './botRequest';
import type {ConnectionSource} from './connection';

// What the bot does while someone uses a button or a dialog: read and update
// the notice post, open a dialog, tell the user something only they see.

const postSchema = z.object({id: z.string(), channel_id: z.string(), message: z.string().default(''), props: z.record(z.string(), z.unknown()).nullable().default({})});
const userSchema = z.object({id: z.string(), roles: z.string().default(''), delete_at: z.number().default(0)});

export type InteractionPost = z.infer<typeof postSchema>;

/** A dialog as Mattermost's `POST /actions/dialogs/open` takes it (shared/MATTERMOST.md). */
export interface DialogDefinition {
  callback_id: string;
  title: string;
  introduction_text?: string;
  elements: Array<Record<string, unknown>>;
  submit_label?: string;
  notify_on_cancel?: boolean;
  state: string;
}

export function createBotInteractions(deps: {connection: ConnectionSource; fetch?: typeof fetch; timeoutMs?: number}) {
  const {request} = createBotRequest(deps);
  return {
    getPost: async (postId: string) => postSchema.parse(await request('GET', `/posts/${encodeURIComponent(postId)}`)),
    /** Replaces the post's props (the bot's own notice post). */
    async patchPostProps(postId: string, props: Record<string, unknown>): Promise<void> {
      await request('PUT', `/posts/${encodeURIComponent(postId)}/patch`, {props});
    },
    async openDialog(triggerId: string, url: string, dialog: DialogDefinition): Promise<void> {
      await request('POST', '/actions/dialogs/open', {trigger_id: triggerId, url, dialog});
    },
    async sendEphemeral(userId: string, channelId: string, message: string): Promise<void> {
      await request('POST', '/posts/ephemeral', {user_id: userId, post: {channel_id: channelId, message}});
    },
    /** Who is acting, as Mattermost knows them now (guest flag, deactivation). */
    async person(userId: string): Promise<{userId: string; guest: boolean; active: boolean}> {
      const user = userSchema.parse(await request('GET', `/users/${encodeURIComponent(userId)}`));
      return {userId: user.id, guest: user.roles.split(' ').includes('system_guest'), active: user.delete_at === 0};
    },
  };
}

export type BotInteractions = ReturnType<typeof createBotInteractions>;
