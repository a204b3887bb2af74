import {DateTime} from 'luxon';
import {dueInstant} from '../../contract/dueInstant';
import type {DeadlineRule} from '../../contract/workflow';
import type {BusinessCalendar} from '../calendar/businessCalendar';
import type {Deadline} from '../tasks/task';

// A step's deadlines, computed when the baton reaches it: "+3 business days
// from the step's start" counts on the organisation calendar from the start's
// local date, due at the end of that business day; "the run's customer
// deadline" copies the run's, optionally a number of business days earlier.

export interface StepDeadlineContext {
  startedAt: Date;
  /** The organisation's time zone: where "the day the step started" is read. */
  timeZone: string;
  calendar: BusinessCalendar;
  runDeadlines: Deadline[];
}

export function stepDeadlines(rules: DeadlineRule[], context: StepDeadlineContext): Deadline[] {
  const deadlines: Deadline[] = [];
  for (const rule of rules) {
    if (rule.from === 'step_start') {
      const startDay = localDate(context.startedAt, context.timeZone);
      // "+0" on a day off means the next business day, not the day off itself.
      const due = rule.businessDays === 0 && !context.calendar.isBusinessDay(startDay) ? context.calendar.nextBusinessDay(startDay) : context.calendar.addBusinessDays(startDay, rule.businessDays);
      deadlines.push({kind: rule.kind, ...dueInstant(due, context.timeZone), timeZone: context.timeZone});
      continue;
    }
    const runDeadline = context.runDeadlines.find((deadline) => deadline.kind === rule.runDeadline);
    // A run started without that deadline: the step has none of this kind.
    if (!runDeadline) continue;
    if (!rule.businessDaysBefore) {
      deadlines.push({...runDeadline, kind: rule.kind});
      continue;
    }
    const day = context.calendar.addBusinessDays(localDate(runDeadline.dueAt, runDeadline.timeZone), -rule.businessDaysBefore);
    deadlines.push({kind: rule.kind, ...dueInstant(day, runDeadline.timeZone), timeZone: runDeadline.timeZone});
  }
  return deadlines;
}

/** The calendar date of an instant in a time zone, YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, {zone: timeZone}).toISODate() ?? instant.toISOString().slice(0, 10);
}
