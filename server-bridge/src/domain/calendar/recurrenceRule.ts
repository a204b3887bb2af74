import type {IsoWeekday} from './calendarDate';

// Reads the RFC 5545 RRULE subset that day-level schedules need. Why our own
// reader rather than the `rrule` package: rrule (2.8.1, last release Dec 2024)
// is no longer maintained, its time-zone support returns Invalid Date for
// some zones, and its parser accepts nonsense silently (`FREQ=WEKLY` gives no
// frequency, `BYDAY=XX` an undefined weekday, `INTERVAL=abc` a string), so
// every part would have to be checked here anyway. What is left, expanding
// day-level rules (ruleDates.ts), is small and tested against the RFC's own
// examples. Time of day and zone are not part of the rule: the schedule has
// `time` and `timeZone` fields, and the evaluator works on local dates only.

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

/** One BYDAY entry: a weekday, and for MONTHLY/YEARLY optionally which one (1 = first, -1 = last). */
export interface WeekdayRule {
  weekday: IsoWeekday;
  ordinal?: number;
}

export interface RecurrenceRule {
  frequency: Frequency;
  interval: number;
  count?: number;
  /** Empty when the part is absent, likewise below. */
  byWeekday: WeekdayRule[];
  byMonthDay: number[];
  byMonth: number[];
  bySetPosition: number[];
  /** The first day of the week (WKST); it matters for WEEKLY rules with an INTERVAL above 1. */
  weekStart: IsoWeekday;
}

export type RuleCheck = {ok: true; rule: RecurrenceRule} | {ok: false; problem: string};

export const RULE_EXAMPLES = 'FREQ=WEEKLY;BYDAY=MO or FREQ=MONTHLY;BYMONTHDAY=1';
export const MAX_INTERVAL = 1_000;
export const MAX_COUNT = 10_000;

const FREQUENCIES: readonly Frequency[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const FREQUENCY_LIST = 'DAILY, WEEKLY, MONTHLY or YEARLY';
const WEEKDAYS: Record<string, IsoWeekday> = {MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7};
const KNOWN_PARTS = ['FREQ', 'INTERVAL', 'COUNT', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'WKST'];

/** Parts of RFC 5545 that are refused on purpose, each with what to use instead. */
const REFUSED_PARTS: Record<string, string> = {
  BYSECOND: 'a schedule fires once a day, at its time field',
  BYMINUTE: 'a schedule fires once a day, at its time field',
  BYHOUR: 'a schedule fires once a day, at its time field',
  DTSTART: 'use the start field',
  UNTIL: 'use the until field',
  TZID: 'use the timeZone field',
  BYYEARDAY: 'use BYMONTH, BYMONTHDAY, BYDAY and BYSETPOS',
  BYWEEKNO: 'use BYMONTH, BYMONTHDAY, BYDAY and BYSETPOS',
  RSCALE: 'schedules use the Gregorian calendar',
  SKIP: 'schedules use the Gregorian calendar',
};

class RuleProblem extends Error {}

/** Checks an RRULE such as `FREQ=MONTHLY;BYMONTHDAY=1`; problems read as the rest of "rule: …". */
export function checkRecurrenceRule(text: unknown): RuleCheck {
  try {
    return {ok: true, rule: readRule(text)};
  } catch (error) {
    if (error instanceof RuleProblem) return {ok: false, problem: error.message};
    throw error;
  }
}

function readRule(text: unknown): RecurrenceRule {
  if (typeof text !== 'string' || text.trim() === '') throw new RuleProblem(`must be an RRULE such as ${RULE_EXAMPLES}`);
  const parts = readParts(text.trim().replace(/^RRULE:/i, ''));
  const frequency = readFrequency(parts.get('FREQ')?.toUpperCase());
  const rule: RecurrenceRule = {
    frequency,
    interval: readInteger(parts.get('INTERVAL') ?? '1', 'INTERVAL', 1, MAX_INTERVAL),
    byWeekday: readList(parts.get('BYDAY')?.toUpperCase(), readWeekdayRule),
    byMonthDay: readList(parts.get('BYMONTHDAY'), (item) => readNonZero(item, 'BYMONTHDAY', 31, "days from 1 to 31, or -1 to -31 counting back from the month's end")),
    byMonth: readList(parts.get('BYMONTH'), (item) => readInteger(item, 'BYMONTH', 1, 12)),
    bySetPosition: readList(parts.get('BYSETPOS'), (item) => readNonZero(item, 'BYSETPOS', 366, 'positions from 1 to 366, or -1 to -366 counting from the end')),
    weekStart: readWeekday((parts.get('WKST') ?? 'MO').toUpperCase(), 'WKST'),
  };
  const count = parts.get('COUNT');
  if (count !== undefined) rule.count = readInteger(count, 'COUNT', 1, MAX_COUNT);
  checkCombinations(rule);
  return rule;
}

function readParts(body: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const match = /^([A-Za-z-]+)=(.+)$/.exec(part.trim());
    if (!match) throw new RuleProblem(`"${part}" is not a NAME=VALUE part; write an RRULE such as ${RULE_EXAMPLES}`);
    const name = (match[1] ?? '').toUpperCase();
    const value = match[2] ?? '';
    if (name in REFUSED_PARTS) throw new RuleProblem(`${name} is not supported: ${REFUSED_PARTS[name]}`);
    if (!KNOWN_PARTS.includes(name)) throw new RuleProblem(`${name} is not a known RRULE part; allowed parts are ${KNOWN_PARTS.join(', ')}`);
    if (parts.has(name)) throw new RuleProblem(`${name} is given twice`);
    parts.set(name, value);
  }
  return parts;
}

function readFrequency(value: string | undefined): Frequency {
  if (value === undefined) throw new RuleProblem(`FREQ is required: ${FREQUENCY_LIST}`);
  if (FREQUENCIES.includes(value as Frequency)) return value as Frequency;
  if (['SECONDLY', 'MINUTELY', 'HOURLY'].includes(value)) {
    throw new RuleProblem(`FREQ=${value} is not supported: a schedule repeats at most daily (FREQ=${FREQUENCY_LIST})`);
  }
  throw new RuleProblem(`FREQ must be ${FREQUENCY_LIST}; got ${value}`);
}

function readList<Item>(value: string | undefined, readItem: (item: string) => Item): Item[] {
  return value === undefined ? [] : value.split(',').map((item) => readItem(item.trim()));
}

function readInteger(value: string, part: string, min: number, max: number): number {
  const number = /^[+-]?\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (number >= min && number <= max) return number;
  throw new RuleProblem(`${part} must be a whole number from ${min} to ${max}; got ${value || 'nothing'}`);
}

function readNonZero(value: string, part: string, max: number, allowed: string): number {
  const number = /^[+-]?\d{1,3}$/.test(value) ? Number(value) : NaN;
  if (number !== 0 && Math.abs(number) <= max) return number;
  throw new RuleProblem(`${part} must list ${allowed}; got ${value || 'nothing'}`);
}

function readWeekday(value: string, part: string): IsoWeekday {
  const weekday = WEEKDAYS[value];
  if (weekday) return weekday;
  throw new RuleProblem(`${part} must be one of ${Object.keys(WEEKDAYS).join(', ')}; got ${value || 'nothing'}`);
}

function readWeekdayRule(item: string): WeekdayRule {
  const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item);
  const weekday = match ? WEEKDAYS[match[2] ?? ''] : undefined;
  const ordinal = match?.[1] === undefined ? undefined : Number(match[1]);
  if (!weekday || ordinal === 0) {
    throw new RuleProblem(`BYDAY must list weekdays MO, TU, WE, TH, FR, SA, SU, each optionally with an ordinal such as 1MO or -1FR; got ${item || 'nothing'}`);
  }
  return ordinal === undefined ? {weekday} : {weekday, ordinal};
}

/** RFC 5545's rules about which parts go together, plus the ones this reader leaves out. */
function checkCombinations(rule: RecurrenceRule): void {
  const ordinals = rule.byWeekday.flatMap((entry) => (entry.ordinal === undefined ? [] : [entry.ordinal]));
  if (ordinals.length > 0) {
    if (rule.frequency !== 'MONTHLY' && rule.frequency !== 'YEARLY') {
      throw new RuleProblem('BYDAY ordinals such as 1MO or -1FR only work with FREQ=MONTHLY or FREQ=YEARLY');
    }
    if (rule.byMonthDay.length > 0) throw new RuleProblem('BYDAY ordinals such as 1MO cannot be combined with BYMONTHDAY');
    const withinMonth = rule.frequency === 'MONTHLY' || rule.byMonth.length > 0;
    const limit = withinMonth ? 5 : 53;
    if (ordinals.some((ordinal) => Math.abs(ordinal) > limit)) {
      throw new RuleProblem(`BYDAY ordinals must be from 1 to ${limit} or -1 to -${limit} ${withinMonth ? 'within a month' : 'within a year'}`);
    }
  }
  if (rule.frequency === 'WEEKLY' && rule.byMonthDay.length > 0) throw new RuleProblem('BYMONTHDAY does not work with FREQ=WEEKLY');
  const choosesDays = rule.byWeekday.length + rule.byMonthDay.length + rule.byMonth.length > 0;
  if (rule.bySetPosition.length > 0 && !choosesDays) throw new RuleProblem('BYSETPOS needs BYDAY, BYMONTHDAY or BYMONTH to choose from');
}
