import {DateTime} from 'luxon';
import {dueInstant} from '../contract/dueInstant';
import type {BusinessCalendar} from '../domain/calendar/businessCalendar';
import {addDays, type CalendarDate, isCalendarDate} from '../domain/calendar/calendarDate';
import type {Deadline} from '../domain/tasks/task';
import {type Locale, supportedLocale} from '../i18n/translate';

// A date as people type it after `due:` or in the new-task dialog:
//   2026-12-01, 2026-12-01T17:00                 ISO, in every locale
//   today, tomorrow (and the same words in ja, zh-TW, ru)
//   +3d, +2w, +2bd                               days, weeks, business days from today
//   2026/12/01, 2026年12月1日                     year first: ja and zh-TW write dates so, and it is unambiguous, so every locale takes it
//   01.12.2026                                   ru only (day first)
//   12/1/2026                                    en only (month first)
// "Today" is the caller's, in their time zone; the clock is passed in. A
// date that does not exist (2026-02-30) is not a date. Nothing here throws.

export interface DateInputContext {
  /** The caller's Mattermost locale; decides whether 1/12 is January or December. */
  locale: string;
  /** The caller's IANA time zone: what "today" is, and where a date without a time ends. */
  timeZone: string;
  now: Date;
  calendar: Pick<BusinessCalendar, 'addBusinessDays'>;
}

/** A calendar date, with a wall-clock time `HH:mm` in the caller's zone when one was typed. */
export interface DateInput {
  date: CalendarDate;
  time: string | null;
}

/** Relative offsets stop at about twenty years, like the business calendar's own bound. */
const MAX_DAYS = 7_305;
const MAX_BUSINESS_DAYS = 5_000;

const TODAY_WORDS = new Set(['today', '今日', 'きょう', '今天', 'сегодня']);
const TOMORROW_WORDS = new Set(['tomorrow', '明日', 'あした', '明天', 'завтра']);

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:t([01]\d|2[0-3]):([0-5]\d))?$/;
const RELATIVE = /^\+(\d{1,5})(d|w|bd)$/;
const YEAR_FIRST = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const KANJI = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const DAY_FIRST_DOTS = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const MONTH_FIRST_SLASHES = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** The date `text` names for this caller, or undefined when it names none. */
export function parseDateInput(text: string, context: DateInputContext): DateInput | undefined {
  const value = text.trim().normalize('NFKC').toLowerCase();
  const iso = ISO.exec(value);
  if (iso) return dated(ymd(iso[1], iso[2], iso[3]), iso[4] === undefined ? null : `${iso[4]}:${iso[5]}`);
  const today = todayIn(context);
  if (today === undefined) return undefined;
  if (TODAY_WORDS.has(value)) return dated(today);
  if (TOMORROW_WORDS.has(value)) return dated(addDays(today, 1));
  const relative = RELATIVE.exec(value);
  if (relative) return relativeTo(today, Number(relative[1]), relative[2] as 'd' | 'w' | 'bd', context.calendar);
  const yearFirst = YEAR_FIRST.exec(value) ?? KANJI.exec(value);
  if (yearFirst) return dated(ymd(yearFirst[1], yearFirst[2], yearFirst[3]));
  const locale: Locale = supportedLocale(context.locale);
  const dayFirst = locale === 'ru' ? DAY_FIRST_DOTS.exec(value) : null;
  if (dayFirst) return dated(ymd(dayFirst[3], dayFirst[2], dayFirst[1]));
  const monthFirst = locale === 'en' ? MONTH_FIRST_SLASHES.exec(value) : null;
  if (monthFirst) return dated(ymd(monthFirst[3], monthFirst[1], monthFirst[2]));
  return undefined;
}

/** The deadline a typed date stands for: all day in the caller's zone, or at the typed time there. */
export function deadlineAt(input: DateInput, timeZone: string): Omit<Deadline, 'kind'> {
  if (input.time === null) return {timeZone, ...dueInstant(input.date, timeZone)};
  const local = DateTime.fromISO(`${input.date}T${input.time}`, {zone: timeZone});
  return {timeZone, dueAt: local.toJSDate(), allDay: false};
}

/** How a reply shows the date back: `2026-12-01` or `2026-12-01 17:00`. */
export function formatDateInput(input: DateInput): string {
  return input.time === null ? input.date : `${input.date} ${input.time}`;
}

function dated(date: CalendarDate | undefined, time: string | null = null): DateInput | undefined {
  return date === undefined ? undefined : {date, time};
}

function ymd(year: string | undefined, month: string | undefined, day: string | undefined): CalendarDate | undefined {
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(date) ? date : undefined;
}

function todayIn({now, timeZone}: DateInputContext): CalendarDate | undefined {
  const today = DateTime.fromJSDate(now, {zone: timeZone});
  return today.isValid ? (today.toISODate() ?? undefined) : undefined;
}

function relativeTo(today: CalendarDate, count: number, unit: 'd' | 'w' | 'bd', calendar: DateInputContext['calendar']): DateInput | undefined {
  if (unit === 'bd') {
    if (count > MAX_BUSINESS_DAYS) return undefined;
    try {
      return dated(calendar.addBusinessDays(today, count));
    } catch {
      // A calendar without business days for a year (misconfigured) names no date.
      return undefined;
    }
  }
  const days = unit === 'w' ? count * 7 : count;
  return days > MAX_DAYS ? undefined : dated(addDays(today, days));
}
