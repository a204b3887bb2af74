import type {BusinessCalendar} from '../calendar/businessCalendar';
import {type CalendarDate, toDayNumber} from '../calendar/calendarDate';
import type {Deadline} from '../tasks/task';
import {deadlineDays} from './localSchedule';

/**
 * Business days before a deadline on which its holder is reminded, at their
 * digest time: a week ahead (7), in time to plan (3), the day before (1) and
 * on the day (0; for a deadline on a day off, the last business day before
 * it). After that, every business day while the deadline is overdue.
 * Counted on the organisation calendar, so Golden Week does not swallow the
 * "3 days before" reminder.
 */
export const DEFAULT_DEADLINE_LADDER: readonly number[] = Object.freeze([7, 3, 1, 0]);

/** Deadlines further away than this are nowhere near a rung; also keeps business-day counting short. */
const FAR_AWAY_DAYS = 400;

export type LadderRung =
  /** `businessDays` before the deadline due on `dueDate`. */
  | {stage: 'ahead'; businessDays: number; dueDate: CalendarDate}
  /** Overdue, reminded once on `date`. */
  | {stage: 'overdue'; date: CalendarDate};

/**
 * The rung a deadline is on for a reader whose (business) day is `today`,
 * or null when today is not one of its rungs. Each ahead rung falls on
 * exactly one business day: the one with that many business days after it
 * up to the due date.
 */
export function ladderRung(
  deadline: Deadline,
  context: {today: CalendarDate; readerZone: string; now: Date; calendar: BusinessCalendar; ladder?: readonly number[]},
): LadderRung | null {
  const {today, now, calendar, ladder = DEFAULT_DEADLINE_LADDER} = context;
  if (deadline.dueAt.getTime() < now.getTime()) return {stage: 'overdue', date: today};
  const {due} = deadlineDays(deadline, context.readerZone, now);
  if (due < today || toDayNumber(due) - toDayNumber(today) > FAR_AWAY_DAYS) return null;
  const businessDays = calendar.businessDaysBetween(today, due);
  return ladder.includes(businessDays) ? {stage: 'ahead', businessDays, dueDate: due} : null;
}

/**
 * Names one reminder for all time. An ahead rung carries the due date, so a
 * deadline moved to another day climbs its ladder again; an overdue one is
 * named by the day it is for, so it comes once a day.
 */
export function reminderKey(taskId: string, kind: string, rung: LadderRung, userId: string): string {
  const step = rung.stage === 'ahead' ? `${rung.businessDays}@${rung.dueDate}` : rung.date;
  return `reminder:${taskId}:${kind}:${step}:${userId}`;
}
