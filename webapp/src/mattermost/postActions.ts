// A click on an interactive message button, sent exactly as the host's
// doPostActionWithCookie sends it (mattermost-redux actions/posts.ts,
// Client4.doPostActionWithCookie): POST /api/v4/posts/{post}/actions/{action}
// with {selected_option, cookie} over the page's cookie session, so the
// bridge's one action path (signed context, one use, post update, dialogs)
// answers a card's buttons and the attachment's alike.
// It is sent with client4.ts's request sender (same headers, CSRF and errors;
// a test compares it with the harness's Client4).
import * as z from 'zod';

import type {PlainAction} from '../plugin/hostTypes';

import {createMattermostRequest} from './client4';
import type {MattermostClientDeps} from './client4';

/**
 * PostActionAPIResponse ({status, trigger_id}). Mattermost delivers an
 * integration's ephemeral_text as an ephemeral post, not here; it is read in
 * case a server ever returns it. An empty (or null) answer counts as {}.
 */
const postActionResponseSchema = z.object({
  trigger_id: z.string().optional(),
  ephemeral_text: z.string().optional(),
}).passthrough().nullish();

export type PostActionResult = {triggerId: string | null; ephemeralText: string | null};

export type PostActionsClient = {
  doPostActionWithCookie(postId: string, actionId: string, actionCookie: string, selectedOption?: string): Promise<PostActionResult>;
};

export function createPostActionsClient(deps: MattermostClientDeps): PostActionsClient {
  const request = createMattermostRequest(deps);
  return {
    async doPostActionWithCookie(postId, actionId, actionCookie, selectedOption = '') {
      const path = `/posts/${encodeURIComponent(postId)}/actions/${encodeURIComponent(actionId)}`;
      // As Client4: the cookie only when the action has one.
      const body: {selected_option: string; cookie?: string} = {selected_option: selectedOption};
      if (actionCookie !== '') {
        body.cookie = actionCookie;
      }
      const answer = await request('POST', path, postActionResponseSchema, body);
      return {triggerId: answer?.trigger_id || null, ephemeralText: answer?.ephemeral_text || null};
    },
  };
}

/**
 * What the host dispatches after a click answered with a trigger id
 * (IntegrationTypes.RECEIVED_DIALOG_TRIGGER_ID): the host opens an
 * open_dialog event only when its trigger id is the last one received, so
 * without it Hand off… and Decline… would open nothing.
 */
export function receivedDialogTriggerId(triggerId: string): PlainAction & {data: string} {
  return {type: 'RECEIVED_DIALOG_TRIGGER_ID', data: triggerId};
}
