import {errorText} from '../i18n/errorText';
import {checkNewTask} from '../commands/newTask';
import type {BusinessCalendar} from '../domain/calendar/businessCalendar';
import type {TaskService} from '../domain/tasks/taskService';
import {AppError} from '../errors';
import {translatorFor} from '../i18n/translate';
import type {BotInteractions, DialogDefinition} from '../mattermost/interactions';
import {commandDialogKind, type DialogKitDeps, openBatonDialog, spendSubmission} from './dialogKit';
import {type DialogAnswer, type DialogSubmission, submittedText} from './handoffActions';

// The "new task" dialog `/task new` opens when typed alone: the mobile app's
// form for a task in the channel where the command was typed. Its state is
// signed (actionContext.ts) and names the person and the channel; a
// submission is believed only from that person, and creates at most one task
// (its nonce is recorded). A field that is wrong keeps the dialog open with
// the message under that field.

export const NEW_TASK_DIALOG = 'new_task';
const dialogKind = commandDialogKind(NEW_TASK_DIALOG);
const TEXT_FIELDS = ['title', 'holder', 'internal', 'legal', 'customer', 'labels', 'case', 'description'] as const;

export interface NewTaskDialogDeps extends DialogKitDeps {
  tasks: Pick<TaskService, 'create'>;
  interactions: Pick<BotInteractions, 'openDialog' | 'sendEphemeral' | 'person'>;
  timeZone(userId: string): Promise<string>;
  calendar: Pick<BusinessCalendar, 'addBusinessDays'>;
  /** Checked before the submission's nonce is spent, so a holder from outside the channel keeps the dialog open for another choice. */
  isMember(userId: string, channelId: string): Promise<boolean>;
}

export function createNewTaskDialog(deps: NewTaskDialogDeps) {
  return {
    async open({triggerId, userId, channelId}: {triggerId: string; userId: string; channelId: string}): Promise<void> {
      const t = translatorFor(await deps.locale(userId));
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
      await openBatonDialog(deps, {triggerId, kind: NEW_TASK_DIALOG, payload: {u: userId, c: channelId}, title: t('dialog.new.title'), elements, submitLabel: t('dialog.new.submit')});
    },

    owns: dialogKind.owns,

    async submit(submission: DialogSubmission): Promise<DialogAnswer> {
      const verified = await dialogKind.receive(deps, submission);
      if (!verified.ok) return verified.answer;
      const {t, payload: {userId, channelId}} = verified;
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
        const caller = await spendSubmission(deps, userId, verified);
        if (!caller) return {error: t('action.used')};
        const task = await deps.tasks.create(caller, checked.draft);
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
