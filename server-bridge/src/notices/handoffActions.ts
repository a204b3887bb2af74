import {errorText} from '../i18n/errorText';
import {DateTime} from 'luxon';
import {z} from 'zod';
import type {Caller} from '../domain/tasks/task';
import type {TaskService} from '../domain/tasks/taskService';
import {AppError} from '../errors';
import {type Translate, translatorFor} from '../i18n/translate';
import type {BotInteractions, DialogDefinition} from '../mattermost/interactions';
import type {ActionNonces} from '../storage/actionNonceRepository';
import {signActionContext, verifyActionContext} from './actionContext';
import {HANDOFF_ACTIONS, type HandoffAction, type HandoffAttachment} from './handoffNotice';

// The buttons of a handoff DM and the dialogs they open: the mobile app's way
// to act on a handoff (webapp plugins never render there). Every context and
// dialog state is signed by the bridge (actionContext.ts) and takes effect
// once (its nonce is recorded); the click must come from the person the
// notice was for. A result updates the notice in place: its buttons shrink to
// what still makes sense, and a footer says what happened.

const clickPayload = z.object({a: z.enum(HANDOFF_ACTIONS), t: z.string().min(1), u: z.string().min(1)});
const dialogPayload = z.object({d: z.enum(['handoff', 'decline', 'done']), t: z.string().min(1), u: z.string().min(1), p: z.string(), c: z.string()});

/** How long a notice's buttons keep working. */
export const BUTTON_TTL_MS = 30 * 24 * 3_600_000;
/** A dialog must be submitted within this time of opening. */
export const DIALOG_TTL_MS = 60 * 60_000;

export interface ActionClick {
  userId: string;
  postId: string;
  channelId: string;
  triggerId: string;
  context: unknown;
}

export interface DialogSubmission {
  userId: string;
  channelId: string;
  state: string;
  submission: Record<string, unknown>;
  cancelled: boolean;
}

/** Mattermost's PostActionIntegrationResponse. */
export interface ActionAnswer {
  update?: {message: string; props: Record<string, unknown>};
  ephemeral_text?: string;
}

/** Mattermost's SubmitDialogResponse: errors keep the dialog open. */
export interface DialogAnswer {
  error?: string;
  errors?: Record<string, string>;
}

export interface HandoffActionsDeps {
  tasks: Pick<TaskService, 'accept' | 'decline' | 'transition' | 'handOff' | 'get'>;
  interactions: BotInteractions;
  nonces: ActionNonces;
  key: Uint8Array;
  now(): Date;
  locale(userId: string): Promise<string>;
  timeZone(userId: string): Promise<string>;
  /** Where buttons and dialogs post back: the bridge as Mattermost reaches it. */
  bridgeUrl(): Promise<string | undefined>;
  /** The notice's attachment as it would be rendered now for this receiver and task (fresh signed buttons). */
  freshAttachment(receiverId: string, taskId: string): Promise<HandoffAttachment | undefined>;
  /** Other dialogs (e.g. `/task new`, newTaskDialog.ts): their submissions arrive at the same URL and are passed on. */
  dialogs?: DialogHandler[];
  /** Other buttons (e.g. on reminder posts): their clicks arrive at the same URL and are passed on. */
  buttons?: ButtonHandler[];
}

/** A dialog of its own that Mattermost submits to /mattermost/dialogs; `owns` looks at the (still unverified) state. */
export interface DialogHandler {
  owns(state: string): boolean;
  submit(submission: DialogSubmission): Promise<DialogAnswer>;
}

/** Buttons of their own that Mattermost posts to /mattermost/actions; `owns` looks at the (still unverified) context. */
export interface ButtonHandler {
  owns(context: unknown): boolean;
  click(click: ActionClick): Promise<ActionAnswer>;
}

/** Whether a dialog state (a signed context as JSON) names this dialog kind in its payload's `d`; says nothing of its signature. */
export function dialogStateNames(state: string, dialog: string): boolean {
  try {
    return (JSON.parse(state) as {payload?: {d?: unknown}} | null)?.payload?.d === dialog;
  } catch {
    return false;
  }
}

/** The buttons still offered after each outcome. */
const REMAINING: Record<'accepted' | 'closed', HandoffAction[]> = {accepted: ['done', 'handoff'], closed: []};

/** The buttons of a handoff notice: where they post, and each one's signed context. Undefined until setup has recorded the bridge's URL. */
export function createHandoffButtons(deps: {key: Uint8Array; now(): Date; bridgeUrl(): Promise<string | undefined>}) {
  return async (receiverId: string, task: {id: string}) => {
    const url = await deps.bridgeUrl();
    if (!url) return undefined;
    return {
      url: `${url}/mattermost/actions`,
      context: (action: string) => signActionContext({a: action, t: task.id, u: receiverId}, {key: deps.key, now: deps.now(), ttlMs: BUTTON_TTL_MS}),
    };
  };
}

export function createHandoffActions(deps: HandoffActionsDeps) {
  async function updatedNotice(postId: string, receiverId: string, taskId: string, remaining: HandoffAction[], footer: string): Promise<{message: string; props: Record<string, unknown>}> {
    const post = await deps.interactions.getPost(postId);
    const attachment = await deps.freshAttachment(receiverId, taskId);
    const attachments = attachment ? [{...attachment, actions: attachment.actions.filter((button) => remaining.includes(button.id)), footer}] : [];
    return {message: post.message, props: {...post.props, attachments}};
  }

  async function openDialog(t: Translate, kind: 'handoff' | 'decline' | 'done', click: ActionClick, taskId: string): Promise<void> {
    const state = JSON.stringify(signActionContext({d: kind, t: taskId, u: click.userId, p: click.postId, c: click.channelId}, {key: deps.key, now: deps.now(), ttlMs: DIALOG_TTL_MS}));
    const task = await deps.tasks.get(await caller(click.userId), taskId);
    const elements: Record<'handoff' | 'decline' | 'done', DialogDefinition['elements']> = {
      handoff: [
        {display_name: t('dialog.handoff.to'), name: 'to', type: 'select', data_source: 'users'},
        {display_name: t('dialog.comment'), name: 'comment', type: 'textarea', optional: true, max_length: 5000},
      ],
      decline: [{display_name: t('dialog.decline.reason'), name: 'reason', type: 'textarea', max_length: 5000, help_text: t('dialog.decline.help')}],
      done: [
        {display_name: t('dialog.done.next'), name: 'next', type: 'select', data_source: 'users'},
        {display_name: t('dialog.comment'), name: 'comment', type: 'textarea', optional: true, max_length: 5000},
      ],
    };
    const bridgeUrl = await deps.bridgeUrl();
    if (!bridgeUrl) throw new AppError(503, 'baton.not_ready.bridge_url', 'Run `baton-bridge setup` again: the connection does not record the bridge URL that dialogs post to.');
    await deps.interactions.openDialog(click.triggerId, `${bridgeUrl}/mattermost/dialogs`, {
      callback_id: `baton_${kind}`,
      title: t(`dialog.${kind}.title`).slice(0, 24),
      introduction_text: `**${task.key}** ${task.title}`,
      elements: elements[kind],
      submit_label: t(`dialog.${kind}.submit`),
      state,
    });
  }

  async function caller(userId: string): Promise<Caller> {
    const person = await deps.interactions.person(userId);
    if (!person.active) throw new AppError(403, 'baton.forbidden.deactivated', 'This Mattermost account is deactivated.');
    return {userId: person.userId, guest: person.guest};
  }

  const failure = (t: Translate, error: unknown): string => {
    if (error instanceof AppError) return t('action.failed', {message: errorText(error, t)});
    throw error;
  };

  return {
    async click(click: ActionClick): Promise<ActionAnswer> {
      const other = deps.buttons?.find((buttons) => buttons.owns(click.context));
      if (other) return other.click(click);
      const t = translatorFor(await deps.locale(click.userId));
      const verified = verifyActionContext(click.context, {key: deps.key, now: deps.now(), payloadSchema: clickPayload});
      if (!verified.ok) return {ephemeral_text: t(verified.reason === 'expired' ? 'action.expired' : 'action.invalid')};
      const {a: action, t: taskId, u: receiverId} = verified.payload;
      if (receiverId !== click.userId) return {ephemeral_text: t('action.not_yours')};
      try {
        if (action === 'handoff' || action === 'decline') {
          await openDialog(t, action, click, taskId);
          return {};
        }
        const who = await caller(click.userId);
        if (!(await deps.nonces.useOnce(verified.nonce, deps.now(), verified.expiresAt))) return {ephemeral_text: t('action.used')};
        if (action === 'accept') {
          const task = await deps.tasks.accept(who, taskId);
          return {update: await updatedNotice(click.postId, receiverId, taskId, REMAINING.accepted, t('action.accepted_footer', {time: timeOf(deps.now(), await deps.timeZone(click.userId))})), ephemeral_text: t('action.accepted', {key: task.key})};
        }
        try {
          const task = await deps.tasks.transition(who, taskId, {statusId: 'done'});
          return {update: await updatedNotice(click.postId, receiverId, taskId, REMAINING.closed, t('action.done_footer', {time: timeOf(deps.now(), await deps.timeZone(click.userId))})), ephemeral_text: t('action.done', {key: task.key})};
        } catch (error) {
          // The next step goes to whoever this holder chooses: ask in a dialog.
          if (error instanceof AppError && error.id === 'baton.invalid.next_holder') {
            await openDialog(t, 'done', click, taskId);
            return {};
          }
          throw error;
        }
      } catch (error) {
        return {ephemeral_text: failure(t, error)};
      }
    },

    async submit(submission: DialogSubmission): Promise<DialogAnswer> {
      const other = deps.dialogs?.find((dialog) => dialog.owns(submission.state));
      if (other) return other.submit(submission);
      const t = translatorFor(await deps.locale(submission.userId));
      if (submission.cancelled) return {};
      const verified = verifiedDialogState(submission, dialogPayload, {key: deps.key, now: deps.now()}, t);
      if (!verified.ok) return verified.answer;
      const {d: kind, t: taskId, u: receiverId, p: postId, c: channelId} = verified.payload;
      const text = (name: string) => submittedText(submission, name);
      // Field problems keep the dialog open, with the message under the field.
      if (kind === 'decline' && !text('reason')) return {errors: {reason: t('dialog.decline.required')}};
      if (kind === 'handoff' && !text('to')) return {errors: {to: t('dialog.required')}};
      if (kind === 'done' && !text('next')) return {errors: {next: t('dialog.required')}};
      try {
        const who = await caller(submission.userId);
        if (!(await deps.nonces.useOnce(verified.nonce, deps.now(), verified.expiresAt))) return {error: t('action.used')};
        const comment = text('comment');
        let task;
        if (kind === 'decline') task = await deps.tasks.decline(who, taskId, {reason: text('reason')});
        else if (kind === 'handoff') task = await deps.tasks.handOff(who, taskId, {toUserId: text('to'), ...(comment ? {comment} : {})});
        else task = await deps.tasks.transition(who, taskId, {statusId: 'done', nextHolderId: text('next'), ...(comment ? {comment} : {})});
        const footerKey = kind === 'decline' ? 'action.declined_footer' : kind === 'handoff' ? 'action.handed_off_footer' : 'action.done_footer';
        if (postId) {
          const updated = await updatedNotice(postId, receiverId, taskId, REMAINING.closed, t(footerKey, {time: timeOf(deps.now(), await deps.timeZone(submission.userId))}));
          await deps.interactions.patchPostProps(postId, updated.props);
        }
        await deps.interactions.sendEphemeral(submission.userId, channelId, t(kind === 'decline' ? 'action.declined' : kind === 'handoff' ? 'action.handed_off' : 'action.done', {key: task.key}));
        return {};
      } catch (error) {
        if (error instanceof AppError) {
          const field = {toUserId: 'to', holderId: 'to', nextHolderId: 'next', reason: 'reason'}[String(error.details.field)];
          const message = errorText(error, t);
          return field ? {errors: {[field]: message}} : {error: message};
        }
        throw error;
      }
    },
  };
}

export type HandoffActions = ReturnType<typeof createHandoffActions>;

/** A submitted dialog's state as the bridge signed it, for the person it was opened for; or the answer that refuses it. */
export function verifiedDialogState<Payload extends {u: string}>(
  submission: DialogSubmission,
  payloadSchema: z.ZodType<Payload>,
  options: {key: Uint8Array; now: Date},
  t: Translate,
): {ok: true; payload: Payload; nonce: string; expiresAt: Date} | {ok: false; answer: DialogAnswer} {
  let state: unknown;
  try {
    state = JSON.parse(submission.state);
  } catch {
    return {ok: false, answer: {error: t('action.invalid')}};
  }
  const verified = verifyActionContext(state, {...options, payloadSchema});
  if (!verified.ok) return {ok: false, answer: {error: t(verified.reason === 'expired' ? 'action.expired' : 'action.invalid')}};
  if (verified.payload.u !== submission.userId) return {ok: false, answer: {error: t('action.not_yours')}};
  return verified;
}

/** A text field of a submission, trimmed; '' when absent. */
export function submittedText(submission: DialogSubmission, name: string): string {
  const value = submission.submission[name];
  return typeof value === 'string' ? value.trim() : '';
}

function timeOf(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, {zone: timeZone}).toFormat('yyyy-MM-dd HH:mm');
}
