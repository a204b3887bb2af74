import {z} from 'zod';
import type {Caller} from '../domain/tasks/task';
import {AppError, errors} from '../errors';
import {type Translate, translatorFor} from '../i18n/translate';
import type {BotInteractions, DialogDefinition} from '../mattermost/interactions';
import type {ActionNonces} from '../storage/actionNonceRepository';
import {type JsonObject, signActionContext} from './actionContext';
import {DIALOG_TTL_MS, type DialogAnswer, dialogStateNames, type DialogSubmission, verifiedDialogState} from './handoffActions';

// What every dialog a `/task` command opens has in common (new task, workflow
// start, settings): it posts back to the bridge's /mattermost/dialogs, its
// state is signed and names the dialog (`d`) and the person (`u`), a
// submission is believed only from that person, and it takes effect once.

/** Mattermost's limits (model.Dialog.IsValid counts bytes, not characters). */
export const DIALOG_TITLE_MAX_BYTES = 24;

/**
 * A dialog a command opens in a channel: its state names the person (`u`) and
 * the channel (`c`). `owns` tells whether a submission's state was written by
 * this dialog (looked at, not believed: submit verifies it).
 */
export function commandDialogKind<Kind extends string>(kind: Kind) {
  const statePayload = z.object({d: z.literal(kind), u: z.string().min(1), c: z.string().min(1)});
  return {
    kind,
    owns: (state: string): boolean => dialogStateNames(state, kind),
    /** receiveSubmission, with the person and the channel the dialog was opened for. */
    async receive(deps: Pick<DialogKitDeps, 'key' | 'now' | 'locale'>, submission: DialogSubmission): Promise<ReceivedSubmission<{userId: string; channelId: string}>> {
      const received = await receiveSubmission(deps, submission, statePayload);
      return received.ok ? {...received, payload: {userId: received.payload.u, channelId: received.payload.c}} : received;
    },
  };
}

export interface DialogKitDeps {
  interactions: Pick<BotInteractions, 'openDialog' | 'person'>;
  nonces: ActionNonces;
  key: Uint8Array;
  now(): Date;
  locale(userId: string): Promise<string>;
  /** Where the dialog posts back: the bridge as Mattermost reaches it. */
  bridgeUrl(): Promise<string | undefined>;
}

export interface BatonDialog {
  triggerId: string;
  /** The dialog kind: `callback_id` is `baton_<kind>`, and the state's `d`. */
  kind: string;
  /** What the submission needs to know (signed): at least the person it is for. */
  payload: JsonObject & {u: string};
  title: string;
  introduction?: string;
  elements: DialogDefinition['elements'];
  submitLabel: string;
}

/** Opens one of Baton's dialogs for the trigger's person, its state signed for DIALOG_TTL_MS. */
export async function openBatonDialog(deps: DialogKitDeps, dialog: BatonDialog): Promise<void> {
  const bridgeUrl = await deps.bridgeUrl();
  if (!bridgeUrl) throw new AppError(503, 'baton.not_ready.bridge_url', 'Run `baton-bridge setup` again: the connection does not record the bridge URL that dialogs post to.');
  await deps.interactions.openDialog(dialog.triggerId, `${bridgeUrl}/mattermost/dialogs`, {
    callback_id: `baton_${dialog.kind}`,
    title: withinBytes(dialog.title, DIALOG_TITLE_MAX_BYTES),
    ...(dialog.introduction ? {introduction_text: dialog.introduction} : {}),
    elements: dialog.elements,
    submit_label: dialog.submitLabel,
    state: JSON.stringify(signActionContext({...dialog.payload, d: dialog.kind}, {key: deps.key, now: deps.now(), ttlMs: DIALOG_TTL_MS})),
  });
}

export type ReceivedSubmission<Payload> = {ok: true; t: Translate; payload: Payload; nonce: string; expiresAt: Date} | {ok: false; answer: DialogAnswer};

/** A submission read up to its fields: in the submitter's language, not cancelled, its state signed by the bridge for this person. */
export async function receiveSubmission<Payload extends {u: string}>(deps: Pick<DialogKitDeps, 'key' | 'now' | 'locale'>, submission: DialogSubmission, payloadSchema: z.ZodType<Payload>): Promise<ReceivedSubmission<Payload>> {
  const t = translatorFor(await deps.locale(submission.userId));
  if (submission.cancelled) return {ok: false, answer: {}};
  const verified = verifiedDialogState(submission, payloadSchema, {key: deps.key, now: deps.now()}, t);
  return verified.ok ? {...verified, t} : verified;
}

/**
 * Uses the dialog up, once its fields are right: the submitter must still be
 * active (a 403 AppError otherwise) and the state's nonce unused. Undefined
 * when it was used already (answer `action.used`).
 */
export async function spendSubmission(deps: Pick<DialogKitDeps, 'interactions' | 'nonces' | 'now'>, userId: string, verified: {nonce: string; expiresAt: Date}): Promise<Caller | undefined> {
  const person = await deps.interactions.person(userId);
  if (!person.active) throw errors.forbidden('deactivated', 'This Mattermost account is deactivated.');
  if (!(await deps.nonces.useOnce(verified.nonce, deps.now(), verified.expiresAt))) return undefined;
  return {userId: person.userId, guest: person.guest};
}

/** A bool element's value as Mattermost submits it (true/false; tolerant of "true"/"false"). */
export function submittedBool(submission: DialogSubmission, name: string): boolean {
  const value = submission.submission[name];
  return value === true || value === 'true';
}

function withinBytes(text: string, max: number): string {
  let result = text;
  while (Buffer.byteLength(result, 'utf8') > max) result = Array.from(result).slice(0, -1).join('');
  return result;
}
