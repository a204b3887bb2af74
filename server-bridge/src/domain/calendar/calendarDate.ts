import {errors} from '../../errors';

// Business days and recurring schedules talk about local calendar dates, never
// instants: "2027-01-04" is the same Monday in Tokyo and in New York. Dates
// travel as `YYYY-MM-DD` strings and are turned into day numbers (days since
// 1970-01-01) for arithmetic. Date.UTC below is used as a pure calendar
// formula; no local time zone is ever involved.

/** A local calendar date written `YYYY-MM-DD`, e.g. `2027-01-04`. */
export type CalendarDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday (as luxon numbers them). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * The years a date may name. Holiday rules are only meaningful for real
 * years, and the bound keeps every loop over days short.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const ALLOWED_DATES = `a date YYYY-MM-DD between ${FIRST_YEAR}-01-01 and ${LAST_YEAR}-12-31, e.g. 2027-01-04`;

/** Whether `value` is a real `YYYY-MM-DD` date in the supported years (2027-02-30 is not). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  // A date that does not survive the round trip (2027-02-30 → 2027-03-02) does not exist.
  return fromDayNumber(toDayNumber(value)) === value;
}

/** Returns `value` as a date, or throws a 422 naming `field` and what it accepts. */
export function requireCalendarDate(value: unknown, field: string): CalendarDate {
  if (isCalendarDate(value)) return value;
  throw errors.invalid('calendar_date', `${field} must be ${ALLOWED_DATES}; got ${JSON.stringify(value)}.`, {field, allowed: ALLOWED_DATES});
}

export function toDayNumber(date: CalendarDate): number {
  const [year, month, day] = splitDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function fromDayNumber(dayNumber: number): CalendarDate {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function isoWeekdayOfDayNumber(dayNumber: number): IsoWeekday {
  // Day 0, 1970-01-01, was a Thursday (4).
  return (((((dayNumber + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function isoWeekday(date: CalendarDate): IsoWeekday {
  return isoWeekdayOfDayNumber(toDayNumber(date));
}

/** `[year, month 1–12, day 1–31]` of a date already known to be well formed. */
export function splitDate(date: CalendarDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day number of `day` in `month` of `year`; days past the month's end roll over, like Date.UTC. */
export function dayNumberOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}
