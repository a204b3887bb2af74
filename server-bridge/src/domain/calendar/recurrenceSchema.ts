import {z} from 'zod';
import {FIRST_YEAR, LAST_YEAR, isCalendarDate} from './calendarDate';
import {isTimeZone} from './localTime';
import {RULE_EXAMPLES, checkRecurrenceRule} from './recurrenceRule';

// The stored shape of a recurring schedule. Every message says what is
// allowed; the field is named by the issue's path, so a caller's list of
// problems reads "rule: FREQ=HOURLY is not supported: …" or "time: must be …".

/** What to do when the rule names a day that is not a business day. */
export const SHIFTS = ['none', 'next_business_day', 'previous_business_day'] as const;
export type Shift = (typeof SHIFTS)[number];

type ErrorOption = {error: z.core.$ZodErrorMap};

/** "must be <allowed>", or "is required (<allowed>)" when the field is missing. */
function mustBe(allowed: string): ErrorOption {
  return {error: (issue) => (issue.input === undefined ? `is required (${allowed})` : `must be ${allowed}`)};
}

const dateRule = mustBe(`a date YYYY-MM-DD between ${FIRST_YEAR} and ${LAST_YEAR}, e.g. 2027-01-04`);
const calendarDate = z.string(dateRule).refine(isCalendarDate, dateRule);

const timeRule = mustBe('a time of day HH:mm from 00:00 to 23:59, e.g. 09:00');
const timeZoneRule = mustBe('an IANA time zone such as Asia/Tokyo, America/New_York or UTC');

const FIELDS = 'rule, start, time, timeZone, shift, until';

export const recurrenceSchema = z
  .strictObject(
    {
      rule: z.string(mustBe(`an RRULE such as ${RULE_EXAMPLES}`)).superRefine((rule, context) => {
        const check = checkRecurrenceRule(rule);
        if (!check.ok) context.addIssue({code: 'custom', message: check.problem});
      }),
      /** The first date the rule may name; COUNT counts from here. */
      start: calendarDate,
      time: z.string(timeRule).regex(/^([01]\d|2[0-3]):[0-5]\d$/, timeRule),
      timeZone: z.string(timeZoneRule).refine(isTimeZone, timeZoneRule),
      shift: z.enum(SHIFTS, mustBe(SHIFTS.join(', '))),
      /** The last date the rule may name, inclusive; its occurrence may be shifted past it. */
      until: calendarDate.optional(),
    },
    {error: (issue) => (issue.code === 'unrecognized_keys' ? `is not a known field (known fields: ${FIELDS})` : `must be an object with ${FIELDS}`)},
  )
  .refine((schedule) => schedule.until === undefined || schedule.until >= schedule.start, {
    path: ['until'],
    error: 'must not be before start',
  });

export type RecurrenceSchedule = z.infer<typeof recurrenceSchema>;

/** One `{field, message}` per problem; an unknown-field issue becomes one entry per unknown key. */
export function describeScheduleIssues(error: z.ZodError): Array<{field: string; message: string}> {
  return error.issues.flatMap((issue) => {
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    return paths.map((path) => ({field: path.map(String).join('.') || 'schedule', message: issue.message}));
  });
}
