import {errors} from '../../errors';
import {type CalendarDate, addDays, isoWeekday, requireCalendarDate, toDayNumber} from './calendarDate';
import {createPublicHolidays} from './publicHolidays';

// An organisation's working days: Monday to Friday, less the public holidays
// of its country, less its own closed days (a Japanese firm's Dec 29–Jan 3),
// plus its own open days. Open days win over everything else: governments
// such as Russia's and Taiwan's move working days onto Saturdays by decree,
// and those decrees are not in the holiday rule data.
//
// Offsets count whole business days in either direction:
//   addBusinessDays(date, n)        the n-th business day after (n > 0) or before (n < 0) `date`;
//                                   n = 0 returns `date` itself, business day or not, so the
//                                   two functions below are exact inverses for every n.
//   businessDaysBetween(from, to)   to ≥ from: business days in (from, to], so 0 when equal;
//                                   to < from: minus the business days in [to, from).
//   ⇒ businessDaysBetween(d, addBusinessDays(d, n)) === n for every date d and every n.
// For a notice, businessDaysBetween(today, due) is "due in 3 business days" (3) or
// "overdue by 2 business days" (-2); a task due Friday is overdue by 1 on Saturday.

export interface BusinessCalendarOptions {
  /** ISO 3166-1 alpha-2 code, e.g. `JP`; any case. */
  country: string;
  /** Extra days off, e.g. a year-end closure. */
  closedDays?: readonly CalendarDate[];
  /** Working days that would otherwise be off (a Saturday made a working day by decree). */
  openDays?: readonly CalendarDate[];
}

export interface BusinessCalendar {
  /** The normalised country code, e.g. `JP`. */
  readonly country: string;
  isBusinessDay(date: CalendarDate): boolean;
  addBusinessDays(date: CalendarDate, businessDays: number): CalendarDate;
  businessDaysBetween(from: CalendarDate, to: CalendarDate): number;
  /** The first business day strictly after `date`. */
  nextBusinessDay(date: CalendarDate): CalendarDate;
  /** The last business day strictly before `date`. */
  previousBusinessDay(date: CalendarDate): CalendarDate;
  /** The public holiday on `date`, for display (even if the organisation works that day). */
  holidayName(date: CalendarDate, locale?: string): string | undefined;
}

/** About twenty years of business days: far beyond any due date, and a bound on the work one call does. */
export const MAX_BUSINESS_DAY_OFFSET = 5_000;
/** The widest range businessDaysBetween counts over (twenty years). */
export const MAX_DAYS_BETWEEN = 7_305;
/** A calendar with no business day for a whole year is misconfigured, not a long holiday. */
const MAX_DAYS_WITHOUT_BUSINESS_DAY = 366;

export function createBusinessCalendar(options: BusinessCalendarOptions): BusinessCalendar {
  const publicHolidays = createPublicHolidays(options.country);
  const closedDays = dateSet(options.closedDays, 'closedDays');
  const openDays = dateSet(options.openDays, 'openDays');
  const contradictions = [...openDays].filter((date) => closedDays.has(date));
  if (contradictions.length > 0) {
    throw errors.invalid('calendar_days', `openDays and closedDays both list ${contradictions.join(', ')}; a day is either open or closed.`, {
      field: 'openDays',
      allowed: 'dates that are not also closed days',
    });
  }

  function isBusinessDay(date: CalendarDate): boolean {
    if (openDays.has(date)) return true;
    if (closedDays.has(date) || isoWeekday(date) >= 6) return false;
    return !publicHolidays.isPublicHoliday(date);
  }

  /** The nearest business day strictly after (step 1) or before (step -1) `date`. */
  function stepToBusinessDay(date: CalendarDate, step: 1 | -1): CalendarDate {
    let candidate = date;
    for (let days = 0; days < MAX_DAYS_WITHOUT_BUSINESS_DAY; days += 1) {
      candidate = addDays(candidate, step);
      if (isBusinessDay(candidate)) return candidate;
    }
    throw errors.invalid('calendar_no_business_day', `No business day within a year ${step > 0 ? 'after' : 'before'} ${date}; check closedDays.`, {
      field: 'closedDays',
    });
  }

  function countBusinessDays(first: CalendarDate, last: CalendarDate): number {
    let count = 0;
    for (let date = first; date <= last; date = addDays(date, 1)) if (isBusinessDay(date)) count += 1;
    return count;
  }

  return {
    country: publicHolidays.country,
    isBusinessDay: (date) => isBusinessDay(requireCalendarDate(date, 'date')),
    nextBusinessDay: (date) => stepToBusinessDay(requireCalendarDate(date, 'date'), 1),
    previousBusinessDay: (date) => stepToBusinessDay(requireCalendarDate(date, 'date'), -1),
    holidayName: (date, locale) => publicHolidays.holidayName(requireCalendarDate(date, 'date'), locale),

    addBusinessDays(date, businessDays) {
      let result = requireCalendarDate(date, 'date');
      const step = requireOffset(businessDays) < 0 ? -1 : 1;
      for (let moved = 0; moved < Math.abs(businessDays); moved += 1) result = stepToBusinessDay(result, step);
      return result;
    },

    businessDaysBetween(from, to) {
      requireCalendarDate(from, 'from');
      requireCalendarDate(to, 'to');
      if (Math.abs(toDayNumber(to) - toDayNumber(from)) > MAX_DAYS_BETWEEN) {
        throw errors.invalid('calendar_range', `from and to must be at most ${MAX_DAYS_BETWEEN} days (twenty years) apart; got ${from} and ${to}.`, {
          field: 'to',
          allowed: `a date within ${MAX_DAYS_BETWEEN} days of from`,
        });
      }
      if (to >= from) return countBusinessDays(addDays(from, 1), to);
      // `0 -` rather than unary minus: an equal count of none must be 0, not -0.
      return 0 - countBusinessDays(to, addDays(from, -1));
    },
  };
}

function dateSet(dates: readonly unknown[] | undefined, field: string): Set<CalendarDate> {
  if (dates === undefined) return new Set();
  if (!Array.isArray(dates)) throw errors.invalid('calendar_date', `${field} must be a list of dates YYYY-MM-DD.`, {field});
  return new Set(dates.map((date, index) => requireCalendarDate(date, `${field}.${index}`)));
}

function requireOffset(businessDays: unknown): number {
  if (Number.isInteger(businessDays) && Math.abs(businessDays as number) <= MAX_BUSINESS_DAY_OFFSET) return businessDays as number;
  throw errors.invalid(
    'calendar_offset',
    `businessDays must be a whole number from -${MAX_BUSINESS_DAY_OFFSET} to ${MAX_BUSINESS_DAY_OFFSET}; got ${JSON.stringify(businessDays)}.`,
    {field: 'businessDays', allowed: `an integer from -${MAX_BUSINESS_DAY_OFFSET} to ${MAX_BUSINESS_DAY_OFFSET}`},
  );
}
