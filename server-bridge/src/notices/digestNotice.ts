import {DateTime} from 'luxon';
import type {DigestNotice, DigestSection, NoticePost} from '../domain/notices/ports';
import {usableZone} from '../domain/reminders/localSchedule';
import type {Task} from '../domain/tasks/task';
import {type Translate, supportedLocale, translatorFor} from '../i18n/translate';
import {type BusinessDaysBetween, type NoticeDeadline, describeDeadline} from './deadlineWording';
import {markdownLink} from './mattermostMarkdown';
import type {NoticeComposerDeps} from './noticeComposer';

// The daily digest and the weekly summary as the DM their receiver reads:
// one section per kind of attention needed, each task a link with the
// deadline that put it there, worded for the reader ("overdue by 2 days",
// "in 3 business days") at the moment it is delivered.

export interface DigestLine {
  task: {key: string; title: string; url: string};
  /** The deadline that put the task in its section; null for waiting and done. */
  deadline: NoticeDeadline | null;
  /** Waiting on others: who holds the task now. */
  holder: string | null;
  /** Done: when it was closed. */
  closedAt: Date | null;
}

export interface DigestNoticeInput {
  period: DigestNotice['period'];
  /** The receiver's local date the digest is for. */
  date: string;
  dueSoonDays: number;
  sections: Array<{name: DigestSection['name']; total: number; lines: DigestLine[]}>;
  receiver: {locale: string; timeZone: string};
  now: Date;
  businessDaysBetween: BusinessDaysBetween;
}

const HASHTAG = '#baton';
const LEGAL_MARK = '⚖\uFE0F';

export function renderDigestNotice(input: DigestNoticeInput): NoticePost {
  const locale = supportedLocale(input.receiver.locale);
  const t = translatorFor(locale);
  const day = (date: string) => plainSpaces(DateTime.fromISO(date, {zone: 'UTC'}).setLocale(locale).toLocaleString(DateTime.DATE_MED_WITH_WEEKDAY));
  const title =
    input.period === 'daily'
      ? t('notice.digest.daily_title', {date: day(input.date)})
      : t('notice.digest.weekly_title', {date: day(DateTime.fromISO(input.date, {zone: 'UTC'}).startOf('week').toISODate() ?? input.date)});
  const blocks = [`**${title}**`];
  for (const section of input.sections) {
    if (section.total === 0) continue;
    const lines = [`**${heading(section.name, section.total, input.dueSoonDays, t)}**`];
    for (const line of section.lines) lines.push(`- ${describeLine(line, input, t, locale)}`);
    const more = section.total - section.lines.length;
    if (more > 0) lines.push(t('notice.digest.more', {count: more}));
    blocks.push(lines.join('\n'));
  }
  blocks.push(HASHTAG);
  return {message: blocks.join('\n\n')};
}

function describeLine(line: DigestLine, input: DigestNoticeInput, t: Translate, locale: ReturnType<typeof supportedLocale>): string {
  const link = markdownLink(`${line.task.key} ${line.task.title}`, line.task.url);
  if (line.deadline) {
    const wording = describeDeadline(line.deadline, {t, locale, receiverTimeZone: input.receiver.timeZone, now: input.now, businessDaysBetween: input.businessDaysBetween});
    const mark = line.deadline.kind === 'legal' ? `${LEGAL_MARK} ` : '';
    return `${link} · ${mark}${wording.label}: ${wording.date} · ${wording.relative}`;
  }
  if (line.holder) return `${link} · ${t('notice.digest.waiting_on', {holder: line.holder})}`;
  if (line.closedAt) {
    const closed = plainSpaces(DateTime.fromJSDate(line.closedAt, {zone: usableZone(input.receiver.timeZone)}).setLocale(locale).toLocaleString(DateTime.DATE_MED_WITH_WEEKDAY));
    return `${link} · ${t('notice.digest.done_on', {date: closed})}`;
  }
  return link;
}

/** As deadlineWording.ts: ICU's narrow no-break space (ru "2027 г.", en "9:00 AM") varies by version; a plain one reads the same everywhere. */
function plainSpaces(text: string): string {
  return text.replaceAll('\u202f', ' ');
}

function heading(name: DigestSection['name'], count: number, dueSoonDays: number, t: Translate): string {
  switch (name) {
    case 'overdue':
      return t('notice.digest.section.overdue', {count});
    case 'due_today':
      return t('notice.digest.section.due_today', {count});
    case 'due_soon':
      return t('notice.digest.section.due_soon', {count, days: dueSoonDays});
    case 'due_this_week':
      return t('notice.digest.section.due_this_week', {count});
    case 'waiting':
      return t('notice.digest.section.waiting', {count});
    case 'done_last_week':
      return t('notice.digest.section.done_last_week', {count});
  }
}

/**
 * Reads what the digest lists as it is now. A task closed since the digest
 * was made needs no attention any more and is left out (except, of course,
 * from "done"); so is a deadline removed since.
 */
export async function writeDigestNotice(notice: DigestNotice, deps: Pick<NoticeComposerDeps, 'tasks' | 'people' | 'taskUrl' | 'calendar' | 'now'>): Promise<NoticePost> {
  const lineOf = async (section: DigestSection['name'], item: DigestSection['items'][number]): Promise<DigestLine | undefined> => {
    const task: Task | undefined = await deps.tasks.findTask(item.taskId);
    if (!task) return undefined;
    const done = section === 'done_last_week';
    if (!done && task.statusCategory === 'closed') return undefined;
    const deadline = item.deadlineKind ? task.deadlines.find((candidate) => candidate.kind === item.deadlineKind) : undefined;
    if (item.deadlineKind && !deadline) return undefined;
    const holder = section === 'waiting' && task.holderId ? ((await deps.people.username(task.holderId)) ?? task.holderId) : null;
    return {task: {key: task.key, title: task.title, url: await deps.taskUrl(task)}, deadline: deadline ?? null, holder, closedAt: done ? task.closedAt : null};
  };
  const sections = [];
  for (const section of notice.sections) {
    const lines = (await Promise.all(section.items.map((item) => lineOf(section.name, item)))).filter((line): line is DigestLine => line !== undefined);
    sections.push({name: section.name, total: section.total - (section.items.length - lines.length), lines});
  }
  const [locale, timeZone] = await Promise.all([deps.people.locale(notice.userId), deps.people.timeZone(notice.userId)]);
  return renderDigestNotice({
    period: notice.period,
    date: notice.date,
    dueSoonDays: notice.dueSoonDays,
    sections,
    receiver: {locale, timeZone},
    now: deps.now(),
    businessDaysBetween: (from, to) => deps.calendar.businessDaysBetween(from, to),
  });
}
