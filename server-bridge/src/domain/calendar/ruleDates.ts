import {
  type CalendarDate,
  LAST_YEAR,
  dayNumberOf,
  daysInMonth,
  fromDayNumber,
  isoWeekdayOfDayNumber,
  splitDate,
  toDayNumber,
} from './calendarDate';
import type {RecurrenceRule, WeekdayRule} from './recurrenceRule';

// Expands a rule into the local dates it names, in order, as RFC 5545 does:
// the rule's frequency cuts time into periods (a day, a week, a month, a
// year), every INTERVAL-th period starting with the one holding `start`
// counts, BY* parts choose days inside a period, BYSETPOS picks among them,
// and COUNT and `until` end the series. Like python-dateutil and the rrule
// package, and unlike RFC 5545's DTSTART, `start` is only an occurrence when
// the rule names it.

export interface RuleDatesOptions {
  /** The first date of the schedule; nothing before it occurs and COUNT counts from it. */
  start: CalendarDate;
  /** Only dates on or after this one are produced (earlier ones still count towards COUNT). */
  from?: CalendarDate;
  /** The last date that may occur, inclusive. */
  until?: CalendarDate;
}

const LAST_DAY = dayNumberOf(LAST_YEAR, 12, 31);

export function* ruleDates(rule: RecurrenceRule, options: RuleDatesOptions): Generator<CalendarDate> {
  const startDay = toDayNumber(options.start);
  const fromDay = Math.max(startDay, options.from === undefined ? startDay : toDayNumber(options.from));
  const lastDay = Math.min(LAST_DAY, options.until === undefined ? LAST_DAY : toDayNumber(options.until));
  const periods = periodsOf(rule, startDay);
  let counted = 0;
  // With COUNT every earlier occurrence must be counted, so only then is the walk begun at `start`.
  for (let index = rule.count === undefined ? periods.indexHolding(fromDay) : 0; periods.firstDay(index) <= lastDay; index += 1) {
    for (const day of pickPositions(periods.candidates(index), rule.bySetPosition)) {
      if (day < startDay) continue;
      if (day > lastDay) return;
      counted += 1;
      if (rule.count !== undefined && counted > rule.count) return;
      if (day >= fromDay) yield fromDayNumber(day);
    }
  }
}

interface Periods {
  /** The first day of the index-th counted period (period 0 holds `start`). */
  firstDay(index: number): number;
  /** The index of the counted period that holds `day`, or the one before it. */
  indexHolding(day: number): number;
  /** The days the BY* parts choose in that period, sorted and without repeats. */
  candidates(index: number): number[];
}

function periodsOf(rule: RecurrenceRule, startDay: number): Periods {
  const [startYear, startMonth, startDayOfMonth] = splitDate(fromDayNumber(startDay));
  const every = rule.interval;
  const indexOf = (distance: number) => Math.max(0, Math.floor(distance / every));
  const monthsFromStart = (day: number) => {
    const [year, month] = splitDate(fromDayNumber(day));
    return (year - startYear) * 12 + (month - startMonth);
  };
  const monthOf = (index: number): [number, number] => {
    const months = startMonth - 1 + index * every;
    return [startYear + Math.floor(months / 12), (months % 12) + 1];
  };

  switch (rule.frequency) {
    case 'DAILY':
      return {
        firstDay: (index) => startDay + index * every,
        indexHolding: (day) => indexOf(day - startDay),
        candidates: (index) => [startDay + index * every].filter((day) => dailyDayMatches(rule, day)),
      };
    case 'WEEKLY': {
      const firstWeek = weekStartOf(startDay, rule);
      const weekdays = rule.byWeekday.length > 0 ? rule.byWeekday.map((entry) => entry.weekday) : [isoWeekdayOfDayNumber(startDay)];
      return {
        firstDay: (index) => firstWeek + index * every * 7,
        indexHolding: (day) => indexOf((weekStartOf(day, rule) - firstWeek) / 7),
        candidates: (index) => {
          const weekStart = firstWeek + index * every * 7;
          const days = Array.from({length: 7}, (_, offset) => weekStart + offset);
          return days.filter((day) => weekdays.includes(isoWeekdayOfDayNumber(day)) && inChosenMonth(rule, day));
        },
      };
    }
    case 'MONTHLY':
      return {
        firstDay: (index) => dayNumberOf(...monthOf(index), 1),
        indexHolding: (day) => indexOf(monthsFromStart(day)),
        candidates: (index) => {
          const [year, month] = monthOf(index);
          return rule.byMonth.length > 0 && !rule.byMonth.includes(month) ? [] : daysInChosenMonth(rule, year, month, startDayOfMonth);
        },
      };
    case 'YEARLY':
      return {
        firstDay: (index) => dayNumberOf(startYear + index * every, 1, 1),
        indexHolding: (day) => indexOf(splitDate(fromDayNumber(day))[0] - startYear),
        candidates: (index) => daysInChosenYear(rule, startYear + index * every, startMonth, startDayOfMonth),
      };
  }
}

function weekStartOf(day: number, rule: RecurrenceRule): number {
  return day - ((isoWeekdayOfDayNumber(day) - rule.weekStart + 7) % 7);
}

function inChosenMonth(rule: RecurrenceRule, day: number): boolean {
  return rule.byMonth.length === 0 || rule.byMonth.includes(splitDate(fromDayNumber(day))[1]);
}

/** In a DAILY rule every BY* part only filters the one day of the period. */
function dailyDayMatches(rule: RecurrenceRule, day: number): boolean {
  const [year, month, dayOfMonth] = splitDate(fromDayNumber(day));
  const length = daysInMonth(year, month);
  const weekdayMatches = rule.byWeekday.length === 0 || rule.byWeekday.some((entry) => entry.weekday === isoWeekdayOfDayNumber(day));
  const monthDayMatches = rule.byMonthDay.length === 0 || rule.byMonthDay.some((monthDay) => resolveMonthDay(monthDay, length) === dayOfMonth);
  return weekdayMatches && monthDayMatches && inChosenMonth(rule, day);
}

/**
 * The days of one month: BYMONTHDAY days, BYDAY weekdays (all of them, or
 * the n-th), both (the BYMONTHDAY days on those weekdays), or else the day of
 * the month `start` is on; a month without that day (the 31st in April) has none.
 */
function daysInChosenMonth(rule: RecurrenceRule, year: number, month: number, defaultDayOfMonth: number): number[] {
  const length = daysInMonth(year, month);
  const first = dayNumberOf(year, month, 1);
  const monthDays = rule.byMonthDay.map((monthDay) => resolveMonthDay(monthDay, length)).filter((day): day is number => day !== undefined);
  const byMonthDays = monthDays.map((dayOfMonth) => first + dayOfMonth - 1);
  if (rule.byWeekday.length === 0) {
    if (rule.byMonthDay.length > 0) return sortedUnique(byMonthDays);
    return defaultDayOfMonth <= length ? [first + defaultDayOfMonth - 1] : [];
  }
  const weekdays = weekdaysIn(rule.byWeekday, first, first + length - 1);
  return rule.byMonthDay.length > 0 ? byMonthDays.filter((day) => weekdays.includes(day)).sort((a, b) => a - b) : weekdays;
}

/**
 * The days of one year. BYDAY without BYMONTH or BYMONTHDAY counts weekdays
 * across the whole year (20MO is the twentieth Monday); otherwise each chosen
 * month (BYMONTH, all twelve when only days are given, or start's month) is
 * expanded like a MONTHLY period.
 */
function daysInChosenYear(rule: RecurrenceRule, year: number, startMonth: number, startDayOfMonth: number): number[] {
  if (rule.byWeekday.length > 0 && rule.byMonth.length === 0 && rule.byMonthDay.length === 0) {
    return weekdaysIn(rule.byWeekday, dayNumberOf(year, 1, 1), dayNumberOf(year, 12, 31));
  }
  const allMonths = rule.byWeekday.length > 0 || rule.byMonthDay.length > 0;
  const months = rule.byMonth.length > 0 ? rule.byMonth : allMonths ? Array.from({length: 12}, (_, index) => index + 1) : [startMonth];
  return sortedUnique(months.flatMap((month) => daysInChosenMonth(rule, year, month, startDayOfMonth)));
}

/** Days from `first` to `last` on the listed weekdays; an entry with an ordinal keeps only its n-th (or n-th from the end). */
function weekdaysIn(entries: readonly WeekdayRule[], first: number, last: number): number[] {
  const days: number[] = [];
  for (const entry of entries) {
    const matching: number[] = [];
    for (let day = first; day <= last; day += 1) if (isoWeekdayOfDayNumber(day) === entry.weekday) matching.push(day);
    if (entry.ordinal === undefined) days.push(...matching);
    else {
      const chosen = matching.at(entry.ordinal > 0 ? entry.ordinal - 1 : entry.ordinal);
      if (chosen !== undefined) days.push(chosen);
    }
  }
  return sortedUnique(days);
}

/** 31 → the 31st if the month has one; -1 → the month's last day. */
function resolveMonthDay(monthDay: number, length: number): number | undefined {
  const dayOfMonth = monthDay > 0 ? monthDay : length + 1 + monthDay;
  return dayOfMonth >= 1 && dayOfMonth <= length ? dayOfMonth : undefined;
}

/** BYSETPOS: the n-th (or n-th from the end) of a period's days. */
function pickPositions(days: number[], positions: readonly number[]): number[] {
  if (positions.length === 0) return days;
  const picked = positions.map((position) => days.at(position > 0 ? position - 1 : position)).filter((day): day is number => day !== undefined);
  return sortedUnique(picked);
}

function sortedUnique(days: number[]): number[] {
  return [...new Set(days)].sort((a, b) => a - b);
}
