// The props of the CommandResponse to `/task connect` (DESIGN.md "Identity"
// §2): {baton_url, baton_token, baton_expires_at}. Checked before use; a
// failure names the props that were wrong, never their values.
import * as z from 'zod';

import type {BridgeSession} from '../api/bridgeClient';
import {describeZodIssues} from '../api/contract';

import {SessionError} from './sessionError';

export const connectPropsSchema = z.object({
  baton_url: z.url({protocol: /^https?$/, error: 'must be an http:// or https:// URL'}),
  baton_token: z.string({error: 'must be a non-empty string'}).min(1, {error: 'must be a non-empty string'}),
  baton_expires_at: z.iso.datetime({offset: true, error: 'must be an ISO 8601 date-time'}),
});

/** The session the props describe, or a SessionError('malformed_response') naming the wrong props. */
export function sessionFromConnectProps(props: unknown, now: Date): BridgeSession {
  const parsed = connectPropsSchema.safeParse(props ?? {});
  if (!parsed.success) {
    const fields = [...new Set(describeZodIssues(parsed.error, 'props').map((issue) => issue.field))];
    throw new SessionError('malformed_response', fields.join(', '));
  }
  const expiresAt = new Date(parsed.data.baton_expires_at);
  if (expiresAt.getTime() <= now.getTime()) {
    throw new SessionError('malformed_response', 'baton_expires_at');
  }
  return {url: parsed.data.baton_url.replace(/\/+$/, ''), token: parsed.data.baton_token, expiresAt};
}
