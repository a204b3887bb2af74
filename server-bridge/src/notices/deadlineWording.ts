import {DateTime} from 'luxon';
import type {Locale, Translate} from '../i18n/translate';

// How a notice states one deadline: what it is, when it is due, and how far
// away that is for the person reading it.

export type DeadlineKind = 'legal' | 'customer' | 'internal' | (string & {});

export interface NoticeDeadline {
  kind: DeadlineKind;
  /** For an all-day deadline: the end of that day in `timeZone` (see contract/dueInstant.ts). */
  dueAt: Date;
  allDay: boolean;
  timeZone: string;
}

/** Signed count of business days after `from`, up to and including `to` (both `YYYY-MM-DD`). */
export type BusinessDaysBetween = (from: string, to: string) => number;

/** overdue: past its due time; soon: due today or tomorrow; later: anything after. */
export type DeadlineUrgency = 'overdue' | 'soon' | 'later';

export interface DeadlineWording {
  label: string;
  /** Localized date, with the time for a deadline that has one. */
  date: string;
  /** "in 3 business days", "due today", "overdue by 2 days", … */
  relative: string;
  urgency: DeadlineUrgency;
}

export interface DeadlineWordingContext {
  t: Translate;
  locale: Locale;
  receiverTimeZone: string;
  now: Date;
  businessDaysBetween: BusinessDaysBetween;
}

/**
 * The legal deadline first, as it is the one that cannot move; then the rest
 * by when they are due, soonest first, so the next one to act on comes next.
 */
export function orderDeadlines<D extends NoticeDeadline>(deadlines: readonly D[]): D[] {
  const legalFirst = (deadline: D) => (deadline.kind === 'legal' ? 0 : 1);
  return [...deadlines].sort(
    (a, b) => legalFirst(a) - legalFirst(b) || a.dueAt.getTime() - b.dueAt.getTime() || a.kind.localeCompare(b.kind),
  );
}

export function describeDeadline(deadline: NoticeDeadline, context: DeadlineWordingContext): DeadlineWording {
  const {t, locale, now} = context;
  // An all-day deadline is a calendar date where it applies (a Tokyo court's
  // 31 March is 31 March for a reader in Moscow too), so its date and "today"
  // are read in its own zone; a deadline with a time is shown in the reader's.
  const zone = usableZone(deadline.allDay ? deadline.timeZone : context.receiverTimeZone, context.receiverTimeZone);
  const due = DateTime.fromJSDate(deadline.dueAt, {zone}).setLocale(locale);
  const today = DateTime.fromJSDate(now, {zone}).startOf('day');
  const daysAway = Math.round(due.startOf('day').diff(today, 'days').days);
  const date = localized(due, deadline.allDay ? DateTime.DATE_MED_WITH_WEEKDAY : DateTime.DATETIME_MED_WITH_WEEKDAY);
  const wording = (relative: string, urgency: DeadlineUrgency): DeadlineWording => ({label: deadlineKindLabel(deadline.kind, t), date, relative, urgency});

  if (deadline.dueAt.getTime() < now.getTime()) {
    if (daysAway < 0) return wording(t('notice.deadline.overdue_days', {count: -daysAway}), 'overdue');
    return wording(t('notice.deadline.overdue_since', {time: localized(due, DateTime.TIME_SIMPLE)}), 'overdue');
  }
  if (daysAway === 0) return wording(t('notice.deadline.due_today'), 'soon');
  if (daysAway === 1) return wording(t('notice.deadline.due_tomorrow'), 'soon');
  const businessDays = context.businessDaysBetween(isoDate(today), isoDate(due));
  // Due on a weekend or holiday with no working day before it: "in 0
  // business days" would read as "today", so count calendar days instead.
  if (businessDays < 1) return wording(t('notice.deadline.in_days', {count: daysAway}), 'later');
  return wording(t('notice.deadline.in_business_days', {count: businessDays}), 'later');
}

/** "Legal deadline", "Customer deadline", …; a custom kind such as `client_approval` reads "Client approval". */
export function deadlineKindLabel(kind: DeadlineKind, t: Translate): string {
  if (kind === 'legal') return t('notice.deadline.kind.legal');
  if (kind === 'customer') return t('notice.deadline.kind.customer');
  if (kind === 'internal') return t('notice.deadline.kind.internal');
  // Custom kinds are identifiers such as `client_approval` (contract/fields.ts).
  const name = kind.replaceAll('_', ' ');
  return t('notice.deadline.kind.custom', {name: name.charAt(0).toUpperCase() + name.slice(1)});
}

/** Mattermost leaves a user's zone empty until it is known; a bad zone must not print "Invalid DateTime". */
function usableZone(zone: string, fallback: string): string {
  for (const candidate of [zone, fallback]) {
    if (candidate && DateTime.now().setZone(candidate).isValid) return candidate;
  }
  return 'UTC';
}

/**
 * ICU puts a narrow no-break space before "AM"/"PM" in some versions and
 * zones and a plain space in others; one plain space reads the same and keeps
 * a notice's text the same on every Node version.
 */
function localized(moment: DateTime, format: Intl.DateTimeFormatOptions): string {
  return moment.toLocaleString(format).replaceAll('\u202f', ' ');
}

/** `YYYY-MM-DD` whatever the locale (ISO, so never localized digits). */
function isoDate(day: DateTime): string {
  return day.toISODate() ?? '';
}
