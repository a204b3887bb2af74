// A handoff card's deadlines for the person looking at it: legal first (the
// one that cannot move), then soonest first; each date in the viewer's zone
// and locale, its distance from now computed at render time (the DM's own
// text says "in 3 business days" forever).
import {DateTime} from 'luxon';

import {formatDue, isOverdue, relativeDue} from '../tasks/deadlines';
import type {ReaderClock} from '../tasks/deadlines';

import type {CardDeadline} from './handoffCardData';

export type DeadlineView = {
  kind: string;
  dueAt: string;
  legal: boolean;
  overdue: boolean;
  /** Localized date (with the time for a deadline that has one). */
  date: string;
  /** "in 3 days", "2 days ago" (3 日後, …). */
  relative: string;
};

/** Legal first, then by due time; the bridge sends them so, but the card does not rely on it. */
export function orderCardDeadlines(deadlines: readonly CardDeadline[]): CardDeadline[] {
  return [...deadlines].sort((a, b) => Number(b.kind === 'legal') - Number(a.kind === 'legal') || Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

/**
 * An all-day deadline is a calendar date where it applies (a Tokyo court's
 * 31 March is 31 March for a reader in Moscow too), as the bridge words it
 * (notices/deadlineWording.ts): its date is read in its own zone, without a
 * time. A deadline with a time is shown in the viewer's zone.
 */
function allDayDate(deadline: CardDeadline, locale: string): string | null {
  const due = DateTime.fromISO(deadline.dueAt, {zone: deadline.timeZone}).setLocale(locale);
  return due.isValid ? due.toLocaleString(DateTime.DATE_MED_WITH_WEEKDAY) : null;
}

export function deadlineViews(deadlines: readonly CardDeadline[], clock: ReaderClock): DeadlineView[] {
  return orderCardDeadlines(deadlines).map((deadline) => ({
    kind: deadline.kind,
    dueAt: deadline.dueAt,
    legal: deadline.kind === 'legal',
    overdue: isOverdue(deadline.dueAt, clock.now),
    date: (deadline.allDay ? allDayDate(deadline, clock.locale) : null) ?? formatDue(deadline.dueAt, clock),
    relative: relativeDue(deadline.dueAt, clock),
  }));
}
