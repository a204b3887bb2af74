// A click on an interactive message button, sent exactly as the host's
// doPostActionWithCookie sends it (mattermost-redux actions/posts.ts,
// Client4.doPostActionWithCookie): POST /api/v4/posts/{post}/actions/{action}
// with {selected_option, cookie} over the page's cookie session, so the
// bridge's one action path (signed context, one use, post update, dialogs)
// answers a card's buttons and the attachment's alike.
//
// client4.ts keeps its request sender inside createMattermostClient (it
// cannot be exported on its own), so this file sends the request itself with
// client4's errors and cookie reader, and the same headers (a test compares
// it with the harness's Client4).
import * as z from 'zod';

import {readJson} from '../api/fetchLike';
import type {FetchInit} from '../api/fetchLike';
import type {PlainAction} from '../plugin/hostTypes';

import {MattermostError, MattermostNetworkError} from './client4';
import type {MattermostClientDeps} from './client4';
import {readCookie} from './cookies';

/**
 * PostActionAPIResponse ({status, trigger_id}). Mattermost delivers an
 * integration's ephemeral_text as an ephemeral post, not here; it is read in
 * case a server ever returns it.
 */
const postActionResponseSchema = z.object({
  trigger_id: z.string().optional(),
  ephemeral_text: z.string().optional(),
}).passthrough();

export type PostActionResult = {triggerId: string | null; ephemeralText: string | null};

export type PostActionsClient = {
  doPostActionWithCookie(postId: string, actionId: string, actionCookie: string, selectedOption?: string): Promise<PostActionResult>;
};

const errorBodySchema = z.object({id: z.string().optional(), message: z.string()});

export function createPostActionsClient({fetch, siteUrl, cookies}: MattermostClientDeps): PostActionsClient {
  return {
    async doPostActionWithCookie(postId, actionId, actionCookie, selectedOption = '') {
      const path = `/posts/${encodeURIComponent(postId)}/actions/${encodeURIComponent(actionId)}`;
      const headers: Record<string, string> = {'X-Requested-With': 'XMLHttpRequest', 'Content-Type': 'application/json'};
      const csrf = readCookie(cookies(), 'MMCSRF');
      if (csrf) {
        headers['X-CSRF-Token'] = csrf;
      }
      // As Client4: the cookie only when the action has one.
      const body: {selected_option: string; cookie?: string} = {selected_option: selectedOption};
      if (actionCookie !== '') {
        body.cookie = actionCookie;
      }
      const init: FetchInit = {method: 'POST', headers, credentials: 'include', body: JSON.stringify(body)};
      let response;
      try {
        response = await fetch(`${siteUrl().replace(/\/+$/, '')}/api/v4${path}`, init);
      } catch (error) {
        throw new MattermostNetworkError(`POST ${path}: Mattermost could not be reached`, {cause: error});
      }
      const json = await readJson(response);
      if (!response.ok) {
        const parsed = json.ok ? errorBodySchema.safeParse(json.value) : undefined;
        const message = parsed?.success ? parsed.data.message : `${response.status} ${response.statusText}`.trim();
        throw new MattermostError(response.status, parsed?.success ? parsed.data.id ?? null : null, message);
      }
      const parsed = json.ok ? postActionResponseSchema.safeParse(json.value ?? {}) : undefined;
      if (!parsed?.success) {
        throw new MattermostError(response.status, null, `POST ${path}: unexpected answer from Mattermost`);
      }
      return {triggerId: parsed.data.trigger_id || null, ephemeralText: parsed.data.ephemeral_text || null};
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
