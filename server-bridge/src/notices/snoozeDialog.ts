import {z} from 'zod';
import {parseDateInput} from '../commands/dateInput';
import type {BusinessCalendar} from '../domain/calendar/businessCalendar';
import type {CalendarDate} from '../domain/calendar/calendarDate';
import {localDateOf} from '../domain/calendar/localTime';
import {usableZone} from '../domain/reminders/localSchedule';
import {decideSnooze, type ReminderSnoozeStore, SNOOZE_CHOICES, type SnoozeChoice, snoozeChoiceDate, snoozeLimit} from '../domain/reminders/snooze';
import type {Caller} from '../domain/tasks/task';
import type {TaskService} from '../domain/tasks/taskService';
import {AppError, errors} from '../errors';
import {errorText} from '../i18n/errorText';
import {type Translate, translatorFor} from '../i18n/translate';
import type {BotInteractions} from '../mattermost/interactions';
import {verifyActionContext} from './actionContext';
import {type DialogKitDeps, openBatonDialog, receiveSubmission, spendSubmission} from './dialogKit';
import {type ActionAnswer, type ActionClick, type ButtonHandler, type DialogAnswer, type DialogHandler, dialogStateNames, type DialogSubmission, submittedText} from './handoffActions';
import {SNOOZE_ACTION} from './reminderActions';
import type {ReminderAttachment} from './reminderNotice';

// The Snooze… button of a deadline reminder and the dialog it opens: the
// person picks tomorrow, three days or a week, or types a date as `/task`
// takes them (commands/dateInput.ts); reminders about that task's deadline of
// that kind stop for them until then (domain/reminders/snooze.ts). A legal
// deadline snoozes at most until its day, and the dialog says so. The button
// context and the dialog state are signed (actionContext.ts); a submission
// takes effect once (its nonce is recorded), for the person it was opened
// for. A field that is wrong keeps the dialog open with the message under it.

export const SNOOZE_DIALOG = 'snooze';
const clickPayload = z.object({a: z.literal(SNOOZE_ACTION), t: z.string().min(1), u: z.string().min(1), k: z.string().min(1)});
const statePayload = z.object({d: z.literal(SNOOZE_DIALOG), t: z.string().min(1), u: z.string().min(1), k: z.string().min(1), p: z.string(), c: z.string()});
const CHOICES = Object.keys(SNOOZE_CHOICES) as SnoozeChoice[];

export interface SnoozeDialogDeps extends DialogKitDeps {
  tasks: Pick<TaskService, 'get'>;
  snoozes: Pick<ReminderSnoozeStore, 'snooze'>;
  interactions: Pick<BotInteractions, 'openDialog' | 'sendEphemeral' | 'person' | 'getPost' | 'patchPostProps'>;
  timeZone(userId: string): Promise<string>;
  calendar: Pick<BusinessCalendar, 'addBusinessDays'>;
  /** The reminder's attachment as it would be rendered now (fresh signed buttons), for updating the post (reminderActions.ts). */
  freshAttachment(receiverId: string, taskId: string, deadlineKind: string): Promise<ReminderAttachment | undefined>;
}

export function createSnoozeDialog(deps: SnoozeDialogDeps): {button: ButtonHandler; dialog: DialogHandler} {
  async function caller(userId: string): Promise<Caller> {
    const person = await deps.interactions.person(userId);
    if (!person.active) throw errors.forbidden('deactivated', 'This Mattermost account is deactivated.');
    return {userId: person.userId, guest: person.guest};
  }

  /** The reader's today and the latest date the deadline of this kind lets them snooze until. */
  async function bounds(who: Caller, taskId: string, kind: string) {
    const task = await deps.tasks.get(who, taskId);
    const zone = usableZone(await deps.timeZone(who.userId));
    const now = deps.now();
    return {task, zone, today: localDateOf(now, zone), limit: snoozeLimit(task.deadlines.find((deadline) => deadline.kind === kind), zone, now)};
  }

  async function open(t: Translate, click: ActionClick, payload: z.infer<typeof clickPayload>): Promise<void> {
    const {task, limit} = await bounds(await caller(click.userId), payload.t, payload.k);
    await openBatonDialog(deps, {
      triggerId: click.triggerId,
      kind: SNOOZE_DIALOG,
      payload: {t: payload.t, u: click.userId, k: payload.k, p: click.postId, c: click.channelId},
      title: t('notice.reminder.snooze.title'),
      introduction: `**${task.key}** ${task.title}`,
      elements: [
        {
          display_name: t('notice.reminder.snooze.until'),
          name: 'until',
          type: 'select',
          optional: true,
          default: CHOICES[0],
          options: CHOICES.map((choice) => ({text: t(`notice.reminder.snooze.choice.${choice}`), value: choice})),
        },
        {
          display_name: t('notice.reminder.snooze.date'),
          name: 'date',
          type: 'text',
          optional: true,
          max_length: 40,
          help_text: limit ? t('notice.reminder.snooze.legal_help', {date: limit}) : t('notice.reminder.snooze.date_help'),
        },
      ],
      submitLabel: t('notice.reminder.snooze.submit'),
    });
  }

  return {
    button: {
      /** Looked at, not believed: click verifies the context. */
      owns: (context: unknown) => (context as {payload?: {a?: unknown}} | null)?.payload?.a === SNOOZE_ACTION,

      async click(click: ActionClick): Promise<ActionAnswer> {
        const t = translatorFor(await deps.locale(click.userId));
        const verified = verifyActionContext(click.context, {key: deps.key, now: deps.now(), payloadSchema: clickPayload});
        if (!verified.ok) return {ephemeral_text: t(verified.reason === 'expired' ? 'action.expired' : 'action.invalid')};
        if (verified.payload.u !== click.userId) return {ephemeral_text: t('action.not_yours')};
        try {
          // Opening uses nothing up: a cancelled dialog leaves the button working.
          await open(t, click, verified.payload);
          return {};
        } catch (error) {
          if (error instanceof AppError) return {ephemeral_text: t('action.failed', {message: errorText(error, t)})};
          throw error;
        }
      },
    },

    dialog: {
      owns: (state: string) => dialogStateNames(state, SNOOZE_DIALOG),

      async submit(submission: DialogSubmission): Promise<DialogAnswer> {
        const verified = await receiveSubmission(deps, submission, statePayload);
        if (!verified.ok) return verified.answer;
        const {t} = verified;
        const {t: taskId, u: userId, k: kind, p: postId, c: channelId} = verified.payload;
        try {
          const who = await caller(userId);
          const {task, zone, today, limit} = await bounds(who, taskId, kind);
          const typed = submittedText(submission, 'date');
          const field = typed ? 'date' : 'until';
          let requested: CalendarDate;
          if (typed) {
            const parsed = parseDateInput(typed, {locale: await deps.locale(userId), timeZone: zone, now: deps.now(), calendar: deps.calendar});
            if (!parsed) return {errors: {date: t('notice.reminder.snooze.bad_date', {text: typed})}};
            requested = parsed.date;
          } else {
            const choice = submittedText(submission, 'until');
            if (!CHOICES.includes(choice as SnoozeChoice)) return {errors: {until: t('notice.reminder.snooze.choose')}};
            requested = snoozeChoiceDate(choice as SnoozeChoice, today);
          }
          const decision = decideSnooze(requested, {today, limit});
          if (!decision.ok) return {errors: {[field]: decision.reason === 'past' ? t('notice.reminder.snooze.past') : t('notice.reminder.snooze.legal_past')}};

          if (!(await spendSubmission(deps, userId, verified))) return {error: t('action.used')};
          await deps.snoozes.snooze({userId, taskId, deadlineKind: kind, until: decision.until}, deps.now());
          if (postId) {
            const post = await deps.interactions.getPost(postId);
            const attachment = await deps.freshAttachment(userId, taskId, kind);
            const footer = t('notice.reminder.snooze.footer', {date: decision.until});
            await deps.interactions.patchPostProps(postId, {...post.props, attachments: [{...(attachment ?? {fallback: footer}), footer}]});
          }
          await deps.interactions.sendEphemeral(userId, channelId, t(decision.capped ? 'notice.reminder.snooze.done_capped' : 'notice.reminder.snooze.done', {key: task.key, date: decision.until}));
          return {};
        } catch (error) {
          if (error instanceof AppError) return {error: errorText(error, t)};
          throw error;
        }
      },
    },
  };
}
