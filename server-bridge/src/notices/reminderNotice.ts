import {localDateOf} from '../domain/calendar/localTime';
import type {DeadlineReminderNotice, NoticePost} from '../domain/notices/ports';
import {usableZone} from '../domain/reminders/localSchedule';
import {canSnooze, snoozeLimit} from '../domain/reminders/snooze';
import {type Translate, supportedLocale, translatorFor} from '../i18n/translate';
import {type BusinessDaysBetween, type NoticeDeadline, describeDeadline} from './deadlineWording';
import {markdownLink} from './mattermostMarkdown';
import type {NoticeComposerDeps} from './noticeComposer';

// One rung of the deadline ladder as the DM its receiver reads: which task
// (and case), which deadline, how far away or how long overdue it is for
// them now. The holder reads "Deadline reminder" or "Overdue"; a creator or
// watcher told of an overdue legal deadline reads who holds the task.
// Buttons under it (reminderActions.ts): the holder's Done and Hand off…
// (answered like the handoff notice's), and Snooze… for anyone while a
// snooze can still change something (a legal deadline's day caps it).

export const REMINDER_ACTIONS = ['done', 'handoff', 'snooze'] as const;
/** Also the button's id; `done` and `handoff` carry the handoff notice's context and are answered by handoffActions.ts. */
export type ReminderAction = (typeof REMINDER_ACTIONS)[number];

export interface ReminderButtonTarget {
  /** The bridge's action endpoint. */
  url: string;
  /** The signed context of each button. */
  context: (action: ReminderAction) => Record<string, unknown>;
}

export interface ReminderAttachment {
  fallback: string;
  color: string;
  actions: Array<{id: ReminderAction; type: 'button'; name: string; style: 'success' | 'default'; integration: {url: string; context: Record<string, unknown>}}>;
  footer?: string;
}

export interface ReminderNoticeInput {
  task: {key: string; title: string; url: string};
  caseRef: {id: string; url: string} | null;
  deadline: NoticeDeadline;
  audience: DeadlineReminderNotice['audience'];
  /** Username of the holder now; null when nobody holds the task. */
  holder: string | null;
  /** Closed since the reminder came due: said, so nobody acts on it. */
  closed: boolean;
  receiver: {locale: string; timeZone: string};
  now: Date;
  businessDaysBetween: BusinessDaysBetween;
  /** Undefined: the post carries no buttons (setup has not recorded the bridge's URL). */
  actions?: ReminderButtonTarget | undefined;
}

const HASHTAG = '#baton';
const LEGAL_MARK = '⚖\uFE0F';
const REMINDER_MARK = '⏰';
const OVERDUE_MARK = '⚠\uFE0F';
/** Attachment side bar (Denim theme colors, as the handoff notice). */
const OVERDUE_COLOR = '#d24b4e';
const REMINDER_COLOR = '#1c58d9';

export function renderReminderNotice(input: ReminderNoticeInput): NoticePost {
  const locale = supportedLocale(input.receiver.locale);
  const t = translatorFor(locale);
  const wording = describeDeadline(input.deadline, {t, locale, receiverTimeZone: input.receiver.timeZone, now: input.now, businessDaysBetween: input.businessDaysBetween});
  const overdue = wording.urgency === 'overdue';
  const subject = [...(input.caseRef ? [markdownLink(input.caseRef.id, input.caseRef.url)] : []), `**${markdownLink(`${input.task.key} ${input.task.title}`, input.task.url)}**`].join(' · ');
  // Worded by the deadline as it is at delivery: one moved since is no longer "past its deadline".
  const headline = !overdue
    ? t('notice.reminder.upcoming', {task: subject})
    : input.audience === 'follower'
      ? t('notice.reminder.follower_overdue', {task: subject})
      : t('notice.reminder.overdue', {task: subject});
  const legal = input.deadline.kind === 'legal' ? `${LEGAL_MARK} ` : '';
  const lines = [`${overdue ? OVERDUE_MARK : REMINDER_MARK} ${headline}`, `${legal}${wording.label}: ${wording.date} · ${wording.relative}`];
  if (input.audience === 'follower') lines.push(input.holder ? t('notice.reminder.held_by', {holder: input.holder}) : t('notice.reminder.unheld'));
  if (input.closed) lines.push(t('notice.reminder.closed'));
  const message = [lines.join('\n'), HASHTAG].join('\n\n');
  const buttons = input.actions ? reminderButtons(input) : [];
  if (!input.actions || buttons.length === 0) return {message};
  const {url, context} = input.actions;
  const attachment: ReminderAttachment = {
    fallback: lines.join('\n'),
    color: overdue ? OVERDUE_COLOR : REMINDER_COLOR,
    actions: buttons.map((action) => ({id: action, type: 'button', name: buttonLabel(action, t), style: action === 'done' ? 'success' : 'default', integration: {url, context: context(action)}})),
  };
  return {message, props: {attachments: [attachment]}};
}

/** What the receiver can do from the post: nothing once the task is closed; a follower at most snooze. */
export function reminderButtons(input: Pick<ReminderNoticeInput, 'audience' | 'closed' | 'deadline' | 'receiver' | 'now'>): ReminderAction[] {
  if (input.closed) return [];
  const zone = usableZone(input.receiver.timeZone);
  const snooze: ReminderAction[] = canSnooze(snoozeLimit(input.deadline, zone, input.now), localDateOf(input.now, zone)) ? ['snooze'] : [];
  return input.audience === 'holder' ? ['done', 'handoff', ...snooze] : snooze;
}

function buttonLabel(action: ReminderAction, t: Translate): string {
  switch (action) {
    case 'done':
      return t('notice.handoff.button.done');
    case 'handoff':
      return t('notice.handoff.button.handoff');
    case 'snooze':
      return t('notice.reminder.button.snooze');
  }
}

/** Reads the task as it is now; its deadline of that kind if it still has one, else the one the reminder was for. */
export async function writeReminderNotice(notice: DeadlineReminderNotice, deps: Pick<NoticeComposerDeps, 'tasks' | 'people' | 'taskUrl' | 'calendar' | 'now' | 'reminderActions'>): Promise<NoticePost> {
  const task = await deps.tasks.findTask(notice.taskId);
  if (!task) throw new Error(`notice about task ${notice.taskId}, which no longer exists`);
  const current = task.deadlines.find((deadline) => deadline.kind === notice.deadline.kind);
  const deadline: NoticeDeadline = current ?? {...notice.deadline, dueAt: new Date(notice.deadline.dueAt)};
  const [locale, timeZone, url, holder, actions] = await Promise.all([
    deps.people.locale(notice.userId),
    deps.people.timeZone(notice.userId),
    deps.taskUrl(task),
    task.holderId ? deps.people.username(task.holderId) : Promise.resolve(undefined),
    deps.reminderActions ? deps.reminderActions(notice.userId, task, deadline.kind) : Promise.resolve(undefined),
  ]);
  return renderReminderNotice({
    task: {key: task.key, title: task.title, url},
    caseRef: task.caseRef,
    deadline,
    audience: notice.audience,
    holder: task.holderId ? (holder ?? task.holderId) : null,
    closed: task.statusCategory === 'closed',
    receiver: {locale, timeZone},
    now: deps.now(),
    businessDaysBetween: (from, to) => deps.calendar.businessDaysBetween(from, to),
    actions,
  });
}
