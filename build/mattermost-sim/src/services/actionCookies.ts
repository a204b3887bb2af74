import {createCipheriv, createDecipheriv, randomBytes} from 'node:crypto';
import {z} from 'zod';
import type {SimContext} from '../context';
import {marshalGoJson} from '../outbound/goEncoding';
import {goMap, goSlice, goString} from './goJson';
import type {MessageAttachment} from './messageAttachments';

// Post action cookies (server/public/model/integration_action.go
// AddPostActionCookies, encrypt/DecryptPostActionCookie). Ephemeral posts are
// never stored, so when Mattermost sends one it seals each action's
// integration (URL, context), the channel and the post id into an AES-GCM
// cookie; the client sends the cookie back with the click and the server
// trusts it because only it can open it. Format: base64(nonce ‖ ciphertext ‖ tag).

export const RETAINED_PROP_KEYS = ['from_webhook', 'override_username', 'override_icon_url'] as const;


export const postActionCookieSchema = z.object({
  type: goString,
  post_id: goString,
  root_post_id: goString,
  channel_id: goString,
  data_source: goString,
  integration: z.object({url: goString, context: goMap}).nullish().transform((value) => value ?? null),
  retain_props: goMap,
  remove_props: goSlice(z.string()),
});

export type PostActionCookie = z.output<typeof postActionCookieSchema>;

export function encryptCookie(ctx: SimContext, plain: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ctx.serverSecret, nonce);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return Buffer.concat([nonce, sealed]).toString('base64');
}

/** Returns the cookie JSON, or throws when it was not sealed by this server. */
export function decryptCookie(ctx: SimContext, encoded: string): string {
  const combined = Buffer.from(encoded, 'base64');
  if (combined.length < 12 + 16) throw new Error('cookie too short');
  const decipher = createDecipheriv('aes-256-gcm', ctx.serverSecret, combined.subarray(0, 12));
  decipher.setAuthTag(combined.subarray(combined.length - 16));
  return Buffer.concat([decipher.update(combined.subarray(12, combined.length - 16)), decipher.final()]).toString('utf8');
}

/** AddPostActionCookies: one cookie per action, for a post that will not be stored. */
export function addPostActionCookies(
  ctx: SimContext,
  post: {id: string; channel_id: string; root_id: string; props: Record<string, unknown>},
  attachments: readonly MessageAttachment[],
): void {
  const retainProps: Record<string, unknown> = {};
  const removeProps: string[] = [];
  for (const key of RETAINED_PROP_KEYS) {
    if (key in post.props) retainProps[key] = post.props[key];
    else removeProps.push(key);
  }
  for (const attachment of attachments) {
    for (const action of attachment.actions ?? []) {
      if (!action) continue;
      // json.Marshal(PostActionCookie): every field omitempty, in struct order.
      const cookie: Record<string, unknown> = {};
      if (action.type) cookie.type = action.type;
      cookie.post_id = post.id;
      cookie.root_post_id = post.root_id === '' ? post.id : post.root_id;
      if (post.channel_id) cookie.channel_id = post.channel_id;
      if (action.data_source) cookie.data_source = action.data_source;
      if (action.integration) {
        const {url, context} = action.integration;
        cookie.integration = {...(url ? {url} : {}), ...(context && Object.keys(context).length > 0 ? {context} : {})};
      }
      if (Object.keys(retainProps).length > 0) cookie.retain_props = retainProps;
      if (removeProps.length > 0) cookie.remove_props = removeProps;
      action.cookie = encryptCookie(ctx, marshalGoJson(cookie));
    }
  }
}
