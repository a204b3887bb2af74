import {z} from 'zod';
import {errorText} from '../i18n/errorText';
import {checkNewTask} from '../commands/newTask';
import type {BusinessCalendar} from '../domain/calendar/businessCalendar';
import type {TaskService} from '../domain/tasks/taskService';
import {AppError, errors} from '../errors';
import {translatorFor} from '../i18n/translate';
import type {BotInteractions, DialogDefinition} from '../mattermost/interactions';
import type {ActionNonces} from '../storage/actionNonceRepository';
import {signActionContext} from './actionContext';
import {DIALOG_TTL_MS, type DialogAnswer, dialogStateNames, type DialogSubmission, submittedText, verifiedDialogState} from './handoffActions';

// The "new task" dialog `/task new` opens when typed alone: the mobile app's
// form for a task in the channel where the command was typed. Its state is
// signed (actionContext.ts) and names the person and the channel; a
// submission is believed only from that person, and creates at most one task
// (its nonce is recorded). A field that is wrong keeps the dialog open with
// the message under that field.

export const NEW_TASK_DIALOG = 'new_task';
const statePayload = z.object({d: z.literal(NEW_TASK_DIALOG), u: z.string().min(1), c: z.string().min(1)});
const TEXT_FIELDS = ['title', 'holder', 'internal', 'legal', 'customer', 'labels', 'case', 'description'] as const;

export interface NewTaskDialogDeps {
  tasks: Pick<TaskService, 'create'>;
  interactions: Pick<BotInteractions, 'openDialog' | 'sendEphemeral' | 'person'>;
  nonces: ActionNonces;
  key: Uint8Array;
  now(): Date;
  locale(userId: string): Promise<string>;
  timeZone(userId: string): Promise<string>;
  /** Where the dialog posts back: the bridge as Mattermost reaches it. */
  bridgeUrl(): Promise<string | undefined>;
  calendar: Pick<BusinessCalendar, 'addBusinessDays'>;
  /** Checked before the submission's nonce is spent, so a holder from outside the channel keeps the dialog open for another choice. */
  isMember(userId: string, channelId: string): Promise<boolean>;
}

export function createNewTaskDialog(deps: NewTaskDialogDeps) {
  return {
    async open({triggerId, userId, channelId}: {triggerId: string; userId: string; channelId: string}): Promise<void> {
      const t = translatorFor(await deps.locale(userId));
      const bridgeUrl = await deps.bridgeUrl();
      if (!bridgeUrl) throw new AppError(503, 'baton.not_ready.bridge_url', 'Run `baton-bridge setup` again: the connection does not record the bridge URL that dialogs post to.');
      const date = (name: 'internal' | 'legal' | 'customer') => ({display_name: t(`dialog.new.${name}`), name, type: 'text', optional: true, max_length: 40, help_text: t('dialog.new.date_help')});
      const elements: DialogDefinition['elements'] = [
        {display_name: t('dialog.new.task_title'), name: 'title', type: 'text', max_length: 200},
        {display_name: t('dialog.new.holder'), name: 'holder', type: 'select', data_source: 'users', optional: true},
        date('internal'),
        date('legal'),
        date('customer'),
        {display_name: t('dialog.new.labels'), name: 'labels', type: 'text', optional: true, help_text: t('dialog.new.labels_help')},
        {display_name: t('dialog.new.case'), name: 'case', type: 'text', optional: true, max_length: 100},
        {display_name: t('dialog.new.description'), name: 'description', type: 'textarea', optional: true, max_length: 3000},
      ];
      await deps.interactions.openDialog(triggerId, `${bridgeUrl}/mattermost/dialogs`, {
        callback_id: `baton_${NEW_TASK_DIALOG}`,
        title: t('dialog.new.title'),
        elements,
        submit_label: t('dialog.new.submit'),
        state: JSON.stringify(signActionContext({d: NEW_TASK_DIALOG, u: userId, c: channelId}, {key: deps.key, now: deps.now(), ttlMs: DIALOG_TTL_MS})),
      });
    },

    /** Whether a submission's state was written by this dialog (looked at, not believed: submit verifies it). */
    owns: (state: string): boolean => dialogStateNames(state, NEW_TASK_DIALOG),

    async submit(submission: DialogSubmission): Promise<DialogAnswer> {
      const t = translatorFor(await deps.locale(submission.userId));
      if (submission.cancelled) return {};
      const verified = verifiedDialogState(submission, statePayload, {key: deps.key, now: deps.now()}, t);
      if (!verified.ok) return verified.answer;
      const {u: userId, c: channelId} = verified.payload;
      const text = Object.fromEntries(TEXT_FIELDS.map((name) => [name, submittedText(submission, name)])) as Record<(typeof TEXT_FIELDS)[number], string>;
      const checked = checkNewTask(
        {
          title: text.title,
          description: text.description,
          holderId: text.holder || null,
          dates: {internal: text.internal, legal: text.legal, customer: text.customer},
          labels: text.labels.split(','),
          caseId: text.case || null,
        },
        channelId,
        {locale: await deps.locale(userId), timeZone: await deps.timeZone(userId), now: deps.now(), calendar: deps.calendar},
        t,
      );
      if (!checked.ok) return {errors: {[checked.field]: checked.message}};
      if (checked.draft.holderId && !(await deps.isMember(checked.draft.holderId, channelId))) return {errors: {holder: t('error.invalid.holder')}};
      try {
        const person = await deps.interactions.person(userId);
        if (!person.active) throw errors.forbidden('deactivated', 'This Mattermost account is deactivated.');
        if (!(await deps.nonces.useOnce(verified.nonce, deps.now(), verified.expiresAt))) return {error: t('action.used')};
        const task = await deps.tasks.create({userId, guest: person.guest}, checked.draft);
        await deps.interactions.sendEphemeral(userId, channelId, t('command.new.done', {key: task.key, title: task.title}));
        return {};
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return error.details.field === 'holderId' ? {errors: {holder: errorText(error, t)}} : {error: errorText(error, t)};
      }
    },
  };
}

export type NewTaskDialog = ReturnType<typeof createNewTaskDialog>;
