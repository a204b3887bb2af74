import {checkRecurrenceRule} from './recurrenceRule';

function problem(rule: unknown): string {
  const check = checkRecurrenceRule(rule);
  if (check.ok) throw new Error(`expected ${JSON.stringify(rule)} to be refused`);
  return check.problem;
}

describe('reading an RRULE', () => {
  it('reads the parts of a rule, in any case and with an RRULE: prefix', () => {
    expect(checkRecurrenceRule('rrule:freq=monthly;interval=2;byday=1mo,-1fr;bysetpos=1;count=12')).toEqual({
      ok: true,
      rule: {
        frequency: 'MONTHLY',
        interval: 2,
        count: 12,
        byWeekday: [{weekday: 1, ordinal: 1}, {weekday: 5, ordinal: -1}],
        byMonthDay: [],
        byMonth: [],
        bySetPosition: [1],
        weekStart: 1,
      },
    });
  });

  it.each(['SECONDLY', 'MINUTELY', 'HOURLY'])('refuses FREQ=%s: schedules repeat at most daily', (frequency) => {
    expect(problem(`FREQ=${frequency}`)).toBe(`FREQ=${frequency} is not supported: a schedule repeats at most daily (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)`);
  });

  it.each([
    ['', 'must be an RRULE such as FREQ=WEEKLY;BYDAY=MO or FREQ=MONTHLY;BYMONTHDAY=1'],
    [42, 'must be an RRULE such as FREQ=WEEKLY;BYDAY=MO or FREQ=MONTHLY;BYMONTHDAY=1'],
    ['BYDAY=MO', 'FREQ is required: DAILY, WEEKLY, MONTHLY or YEARLY'],
    ['FREQ=WEKLY', 'FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY; got WEKLY'],
    ['FREQ=WEEKLY;;BYDAY=MO', '"" is not a NAME=VALUE part; write an RRULE such as FREQ=WEEKLY;BYDAY=MO or FREQ=MONTHLY;BYMONTHDAY=1'],
    ['FREQ=WEEKLY;FREQ=DAILY', 'FREQ is given twice'],
    ['FREQ=WEEKLY;COLOR=RED', 'COLOR is not a known RRULE part; allowed parts are FREQ, INTERVAL, COUNT, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, WKST'],
    ['FREQ=DAILY;BYHOUR=9', 'BYHOUR is not supported: a schedule fires once a day, at its time field'],
    ['FREQ=DAILY;UNTIL=20271231', 'UNTIL is not supported: use the until field'],
    ['FREQ=YEARLY;BYWEEKNO=20', 'BYWEEKNO is not supported: use BYMONTH, BYMONTHDAY, BYDAY and BYSETPOS'],
    ['FREQ=DAILY;INTERVAL=0', 'INTERVAL must be a whole number from 1 to 1000; got 0'],
    ['FREQ=DAILY;INTERVAL=abc', 'INTERVAL must be a whole number from 1 to 1000; got abc'],
    ['FREQ=DAILY;COUNT=1.5', 'COUNT must be a whole number from 1 to 10000; got 1.5'],
    ['FREQ=WEEKLY;BYDAY=XX', 'BYDAY must list weekdays MO, TU, WE, TH, FR, SA, SU, each optionally with an ordinal such as 1MO or -1FR; got XX'],
    ['FREQ=MONTHLY;BYDAY=0MO', 'BYDAY must list weekdays MO, TU, WE, TH, FR, SA, SU, each optionally with an ordinal such as 1MO or -1FR; got 0MO'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'BYDAY ordinals such as 1MO or -1FR only work with FREQ=MONTHLY or FREQ=YEARLY'],
    ['FREQ=MONTHLY;BYDAY=6MO', 'BYDAY ordinals must be from 1 to 5 or -1 to -5 within a month'],
    ['FREQ=MONTHLY;BYDAY=1MO;BYMONTHDAY=1', 'BYDAY ordinals such as 1MO cannot be combined with BYMONTHDAY'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', "BYMONTHDAY must list days from 1 to 31, or -1 to -31 counting back from the month's end; got 32"],
    ['FREQ=WEEKLY;BYMONTHDAY=1', 'BYMONTHDAY does not work with FREQ=WEEKLY'],
    ['FREQ=YEARLY;BYMONTH=13', 'BYMONTH must be a whole number from 1 to 12; got 13'],
    ['FREQ=MONTHLY;BYSETPOS=1', 'BYSETPOS needs BYDAY, BYMONTHDAY or BYMONTH to choose from'],
    ['FREQ=WEEKLY;WKST=XX', 'WKST must be one of MO, TU, WE, TH, FR, SA, SU; got XX'],
  ])('refuses %j, saying what is allowed', (rule, expected) => {
    expect(problem(rule)).toBe(expected);
  });
});
