import {z} from 'zod';
import type {SimContext} from '../context';
import {MmError} from '../errors';
import type {User} from '../store/entities';
import {marshalGoJson, sortMapKeys} from '../outbound/goEncoding';
import {IntegrationRequestError, sendIntegrationRequest} from '../outbound/integrationHttp';
import {dialogSchema, presentDialog} from './dialogModel';
import {dialogFindings} from './dialogValidation';
import {goBool, goMap, goString, goStringMap} from './goJson';
import {actionIntegrationError} from './postActions';
import {verifyTriggerId} from './triggers';

// Interactive dialogs (server/channels/app/integration_action.go
// OpenInteractiveDialog, SubmitInteractiveDialog, DoActionRequest).

export const MAX_DIALOG_RESPONSE_BYTES = 1024 * 1024;

export const openDialogRequestSchema = z.object({trigger_id: goString, url: goString, dialog: dialogSchema});
export type OpenDialogRequest = z.output<typeof openDialogRequestSchema>;

/**
 * Checks the trigger id, then the dialog, then tells the user's clients to
 * show it (WebSocket `open_dialog`, data.dialog = the request as a JSON
 * string, with the client trigger id).
 *
 * Stricter than Mattermost on purpose: Mattermost only logs "Interactive
 * dialog is invalid" and opens it anyway, leaving the webapp to cope; the
 * simulator refuses such a dialog so the integration's mistake is seen.
 */
export function openDialog(ctx: SimContext, request: OpenDialogRequest): void {
  const {clientTriggerId, userId} = verifyTriggerId(ctx, request.trigger_id);
  const errors = dialogFindings(request.dialog).filter((finding) => !finding.advisory);
  if (errors.length > 0) {
    throw new MmError(
      400,
      'sim.interactive_dialog.invalid',
      `Interactive dialog is invalid: ${errors.map((finding) => finding.message).join('; ')}`,
      'Mattermost only logs this (model.Dialog.IsValid in app/integration_action.go OpenInteractiveDialog) and sends the dialog anyway; the simulator refuses it.',
    );
  }
  const payload = {trigger_id: clientTriggerId, url: request.url, dialog: presentDialog(request.dialog)};
  ctx.hub.publish('open_dialog', {dialog: marshalGoJson(payload)}, {user_id: userId});
}

export const submitDialogRequestSchema = z.object({
  type: goString,
  url: goString,
  callback_id: goString,
  state: goString,
  user_id: goString,
  channel_id: goString,
  team_id: goString,
  submission: goMap,
  cancelled: goBool,
});
export type SubmitDialogRequest = z.output<typeof submitDialogRequestSchema>;

/** model.SubmitDialogResponse (type/form: multi-step dialogs). */
const submitDialogResponseSchema = z.object({
  error: goString,
  errors: goStringMap,
  type: goString,
  form: dialogSchema.nullish().transform((value) => value ?? null),
});

type SubmitDialogResponse = z.output<typeof submitDialogResponseSchema>;

/** SubmitDialogResponse.IsValid: an error wins; otherwise type and form must agree. */
function responseProblem(response: SubmitDialogResponse): string | undefined {
  if (response.error !== '' || (response.errors && Object.keys(response.errors).length > 0)) return undefined;
  if (response.type === '' || response.type === 'ok' || response.type === 'navigate') {
    return response.form ? `form field must be nil for type ${JSON.stringify(response.type)}` : undefined;
  }
  if (response.type === 'form') return response.form ? undefined : 'form field is required for form type';
  return `invalid type ${JSON.stringify(response.type)}, must be one of: empty, ok, form, navigate`;
}

function presentSubmitResponse(response: SubmitDialogResponse): Record<string, unknown> {
  return {
    ...(response.error ? {error: response.error} : {}),
    ...(response.errors && Object.keys(response.errors).length > 0 ? {errors: sortMapKeys(response.errors)} : {}),
    ...(response.type ? {type: response.type} : {}),
    ...(response.form ? {form: presentDialog(response.form)} : {}),
  };
}

/**
 * Posts the submission to the dialog's URL as the session's user and returns
 * what the integration answered: `{errors}` keeps the dialog open, `{error}`
 * shows a general error, `{}` (empty body) closes it. The response handling
 * follows the newest Mattermost (a body that is not JSON, or an invalid
 * type/form pair, is an error), which older versions merely ignored.
 */
export async function submitDialog(ctx: SimContext, user: User, request: SubmitDialogRequest): Promise<Record<string, unknown>> {
  if (request.url.startsWith('/plugins/') || request.url.startsWith('plugins/')) {
    throw new MmError(501, 'sim.not_implemented', 'The Mattermost simulator does not route dialog submissions to plugin servers.', request.url);
  }
  // model.SubmitDialogRequest with URL cleared (omitempty) and the type forced.
  const outgoing = {
    type: 'dialog_submission',
    callback_id: request.callback_id,
    state: request.state,
    user_id: user.id,
    channel_id: request.channel_id,
    team_id: request.team_id,
    submission: request.submission === null ? null : sortMapKeys(request.submission),
    cancelled: request.cancelled,
  };
  let reply;
  try {
    reply = await sendIntegrationRequest(ctx, {
      kind: 'dialog',
      method: 'POST',
      url: request.url,
      headers: {'Content-Type': 'application/json', Accept: 'application/json'},
      body: marshalGoJson(outgoing),
      maxResponseBytes: MAX_DIALOG_RESPONSE_BYTES,
    });
  } catch (error) {
    if (error instanceof IntegrationRequestError) throw actionIntegrationError(`err=${error.message}`);
    throw error;
  }
  if (reply.statusCode !== 200) throw actionIntegrationError(`status=${reply.statusCode}`);
  if (reply.body.length === 0) return {};
  const decodeError = (reason: string) =>
    new MmError(500, 'app.submit_interactive_dialog.decode_json_error', 'Encountered an error decoding JSON response from interactive dialog submission.', reason);
  let json: unknown;
  try {
    json = JSON.parse(reply.body.toString('utf8'));
  } catch (error) {
    throw decodeError((error as Error).message);
  }
  const parsed = submitDialogResponseSchema.safeParse(json === null ? {} : json);
  if (!parsed.success) throw decodeError(parsed.error.issues[0]?.message ?? '');
  const problem = responseProblem(parsed.data);
  if (problem !== undefined) {
    throw new MmError(400, 'app.submit_interactive_dialog.invalid_response', 'Encountered an invalid response from interactive dialog submission.', problem);
  }
  return presentSubmitResponse(parsed.data);
}
