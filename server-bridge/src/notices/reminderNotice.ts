import type {DeadlineReminderNotice, NoticePost} from '../domain/notices/ports';
import {supportedLocale, translatorFor} from '../i18n/translate';
import {type BusinessDaysBetween, type NoticeDeadline, describeDeadline} from './deadlineWording';
import {markdownLink} from './mattermostMarkdown';
import type {NoticeComposerDeps} from './noticeComposer';

// One rung of the deadline ladder as the DM its receiver reads: which task
// (and case), which deadline, how far away or how long overdue it is for
// them now. The holder reads "Deadline reminder" or "Overdue"; a creator or
// watcher told of an overdue legal deadline reads who holds the task.

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
}

const HASHTAG = '#baton';
const LEGAL_MARK = '⚖\uFE0F';
const REMINDER_MARK = '⏰';
const OVERDUE_MARK = '⚠\uFE0F';

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
  return {message: [lines.join('\n'), HASHTAG].join('\n\n')};
}

/** Reads the task as it is now; its deadline of that kind if it still has one, else the one the reminder was for. */
export async function writeReminderNotice(notice: DeadlineReminderNotice, deps: Pick<NoticeComposerDeps, 'tasks' | 'people' | 'taskUrl' | 'calendar' | 'now'>): Promise<NoticePost> {
  const task = await deps.tasks.findTask(notice.taskId);
  if (!task) throw new Error(`notice about task ${notice.taskId}, which no longer exists`);
  const current = task.deadlines.find((deadline) => deadline.kind === notice.deadline.kind);
  const deadline: NoticeDeadline = current ?? {...notice.deadline, dueAt: new Date(notice.deadline.dueAt)};
  const [locale, timeZone, url, holder] = await Promise.all([
    deps.people.locale(notice.userId),
    deps.people.timeZone(notice.userId),
    deps.taskUrl(task),
    task.holderId ? deps.people.username(task.holderId) : Promise.resolve(undefined),
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
  });
}
