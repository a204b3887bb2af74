import {errors} from '../../errors';
import type {BusinessCalendar} from './businessCalendar';
import {type CalendarDate, FIRST_YEAR, LAST_YEAR, addDays} from './calendarDate';
import {instantOf, localDateOf} from './localTime';
import {type RecurrenceRule, checkRecurrenceRule} from './recurrenceRule';
import {type RecurrenceSchedule, type Shift, describeScheduleIssues, recurrenceSchema} from './recurrenceSchema';
import {ruleDates} from './ruleDates';

export {describeScheduleIssues, recurrenceSchema, SHIFTS, type RecurrenceSchedule, type Shift} from './recurrenceSchema';

// When a recurring task or workflow run is due. The rule names dates
// (ruleDates.ts); each is moved to a business day if the schedule says so,
// and fires at `time` in `timeZone` on the resulting date.
//
// Rule dates that land on the same business day fire once: a daily rule with
// next_business_day gives Saturday, Sunday and Monday one Monday occurrence.
// Its identity is the rule date equal to that day when there is one (Monday),
// else the earliest: Monday stays Monday's even if Saturday later becomes an
// open day and gets an occurrence of its own.
//
// Windows are half-open, [from, to): consecutive windows never deliver an
// occurrence twice or skip one.

export interface Occurrence {
  /** The date the rule named, before any shift: the stable identity for "exactly once". */
  occurrenceDate: CalendarDate;
  /** The date it happens on, after the shift. */
  date: CalendarDate;
  /** `time` on `date` in `timeZone`. */
  at: Date;
}

/** A bound on one answer, so a careless window cannot build a huge list. */
export const MAX_OCCURRENCES_PER_WINDOW = 1_000;

const LAST_DATE = `${LAST_YEAR}-12-31`;

export function occurrencesBetween(schedule: RecurrenceSchedule, calendar: BusinessCalendar, fromInstant: Date, toInstant: Date): Occurrence[] {
  const valid = requireSchedule(schedule);
  const from = requireInstant(fromInstant, 'fromInstant');
  const to = requireInstant(toInstant, 'toInstant');
  const found: Occurrence[] = [];
  for (const occurrence of occurrencesFrom(valid, calendar, from)) {
    if (occurrence.at >= to) break;
    if (occurrence.at < from) continue;
    if (found.length === MAX_OCCURRENCES_PER_WINDOW) {
      throw errors.invalid('recurrence_window', `The window holds more than ${MAX_OCCURRENCES_PER_WINDOW} occurrences; ask for a shorter one.`, {
        field: 'toInstant',
      });
    }
    found.push(occurrence);
  }
  return found;
}

/** The first occurrence strictly after `after`, or null when the schedule has ended. */
export function nextOccurrence(schedule: RecurrenceSchedule, calendar: BusinessCalendar, after: Date): Occurrence | null {
  const valid = requireSchedule(schedule);
  const instant = requireInstant(after, 'after');
  for (const occurrence of occurrencesFrom(valid, calendar, instant)) {
    if (occurrence.at > instant) return occurrence;
  }
  return null;
}

interface ValidSchedule extends RecurrenceSchedule {
  parsedRule: RecurrenceRule;
}

/** Occurrences in order, from the first whose date is on or after the local date of `instant`. */
function* occurrencesFrom(schedule: ValidSchedule, calendar: BusinessCalendar, instant: Date): Generator<Occurrence> {
  // Nothing happens before start, and no rule date lies past the supported years.
  const localDate = localDateOf(instant, schedule.timeZone);
  const firstDate = localDate < schedule.start ? schedule.start : localDate > LAST_DATE ? LAST_DATE : localDate;
  const from = firstRuleDateThatCanReach(firstDate, schedule.shift, calendar);
  let group: CalendarDate[] = [];
  let groupDate: CalendarDate | undefined;
  for (const ruleDate of ruleDates(schedule.parsedRule, {start: schedule.start, until: schedule.until, from})) {
    const date = shiftDate(ruleDate, schedule.shift, calendar);
    // Shifting keeps the order of dates, so rule dates that share a business day are neighbours.
    if (date !== groupDate && groupDate !== undefined) yield occurrenceOf(group, groupDate, schedule);
    if (date !== groupDate) group = [];
    group.push(ruleDate);
    groupDate = date;
  }
  if (groupDate !== undefined) yield occurrenceOf(group, groupDate, schedule);
}

function occurrenceOf(ruleDatesOfDay: CalendarDate[], date: CalendarDate, schedule: ValidSchedule): Occurrence {
  const occurrenceDate = ruleDatesOfDay.includes(date) ? date : (ruleDatesOfDay[0] ?? date);
  return {occurrenceDate, date, at: instantOf(date, schedule.time, schedule.timeZone)};
}

function shiftDate(date: CalendarDate, shift: Shift, calendar: BusinessCalendar): CalendarDate {
  if (shift === 'none' || calendar.isBusinessDay(date)) return date;
  return shift === 'next_business_day' ? calendar.nextBusinessDay(date) : calendar.previousBusinessDay(date);
}

/**
 * The earliest rule date whose occurrence can fall on or after `date`. Moving
 * forward, a rule date right after the previous business day can still land
 * on `date` (Saturday's lands on Monday), so those days are included.
 */
function firstRuleDateThatCanReach(date: CalendarDate, shift: Shift, calendar: BusinessCalendar): CalendarDate {
  return shift === 'next_business_day' ? addDays(calendar.previousBusinessDay(date), 1) : date;
}

function requireSchedule(schedule: RecurrenceSchedule): ValidSchedule {
  const result = recurrenceSchema.safeParse(schedule);
  if (!result.success) {
    const issues = describeScheduleIssues(result.error);
    throw errors.invalid('recurrence', issues.map(({field, message}) => `${field}: ${message}`).join('; '), {
      ...(issues[0] ? {field: issues[0].field} : {}),
      issues,
    });
  }
  const check = checkRecurrenceRule(result.data.rule);
  if (!check.ok) throw new Error('recurrenceSchema accepted a rule that does not parse');
  return {...result.data, parsedRule: check.rule};
}

function requireInstant(value: unknown, field: string): Date {
  const year = value instanceof Date ? value.getUTCFullYear() : NaN;
  if (year >= FIRST_YEAR && year <= LAST_YEAR) return value as Date;
  throw errors.invalid('recurrence_instant', `${field} must be a valid Date between ${FIRST_YEAR} and ${LAST_YEAR}.`, {field});
}
