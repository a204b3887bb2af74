import {createBusinessCalendar} from './businessCalendar';
import {type Occurrence, type RecurrenceSchedule, describeScheduleIssues, nextOccurrence, occurrencesBetween, recurrenceSchema} from './recurrence';

const unitedStates = createBusinessCalendar({country: 'US'});
const japan = createBusinessCalendar({country: 'JP'});
/** Closed from Dec 29 to Jan 3, as many Japanese firms are. */
const japaneseFirm = createBusinessCalendar({
  country: 'JP',
  closedDays: ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03'],
});

const everyMonday: RecurrenceSchedule = {rule: 'FREQ=WEEKLY;BYDAY=MO', start: '2027-03-01', time: '09:00', timeZone: 'America/New_York', shift: 'none'};
const firstBusinessDayOfMonth: RecurrenceSchedule = {
  rule: 'FREQ=MONTHLY;BYMONTHDAY=1',
  start: '2027-01-01',
  time: '09:00',
  timeZone: 'Asia/Tokyo',
  shift: 'next_business_day',
};
const fiscalYearEnd: RecurrenceSchedule = {
  rule: 'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31',
  start: '2027-01-01',
  time: '17:00',
  timeZone: 'Asia/Tokyo',
  shift: 'previous_business_day',
};

/** Occurrences as `occurrenceDate→date@instant`, easy to read in a failure. */
function described(occurrences: Occurrence[]): string[] {
  return occurrences.map(({occurrenceDate, date, at}) => `${occurrenceDate}→${date}@${at.toISOString()}`);
}

describe('recurring schedules', () => {
  it('every Monday at 09:00 in New York over March 2027, across the change to daylight time on Mar 14', () => {
    const march = occurrencesBetween(everyMonday, unitedStates, new Date('2027-03-01T05:00:00Z'), new Date('2027-04-01T04:00:00Z'));
    expect(described(march)).toEqual([
      '2027-03-01→2027-03-01@2027-03-01T14:00:00.000Z',
      '2027-03-08→2027-03-08@2027-03-08T14:00:00.000Z',
      '2027-03-15→2027-03-15@2027-03-15T13:00:00.000Z',
      '2027-03-22→2027-03-22@2027-03-22T13:00:00.000Z',
      '2027-03-29→2027-03-29@2027-03-29T13:00:00.000Z',
    ]);
  });

  it('monthly on the first business day: January 2027 in Japan is the 4th (Jan 1 holiday, Jan 2–3 closed and weekend)', () => {
    const firstHalf = occurrencesBetween(firstBusinessDayOfMonth, japaneseFirm, new Date('2026-12-31T15:00:00Z'), new Date('2027-06-01T00:00:00Z'));
    expect(described(firstHalf)).toEqual([
      '2027-01-01→2027-01-04@2027-01-04T00:00:00.000Z',
      '2027-02-01→2027-02-01@2027-02-01T00:00:00.000Z',
      '2027-03-01→2027-03-01@2027-03-01T00:00:00.000Z',
      '2027-04-01→2027-04-01@2027-04-01T00:00:00.000Z',
      // May 1 is a Saturday and May 3–5 is Golden Week.
      '2027-05-01→2027-05-06@2027-05-06T00:00:00.000Z',
    ]);
  });

  it('finds a shifted occurrence even when the window starts after the date the rule named', () => {
    const window = occurrencesBetween(firstBusinessDayOfMonth, japaneseFirm, new Date('2027-01-02T00:00:00+09:00'), new Date('2027-01-05T00:00:00+09:00'));
    expect(described(window)).toEqual(['2027-01-01→2027-01-04@2027-01-04T00:00:00.000Z']);
  });

  it('yearly on Mar 31, moved back to the previous business day when it falls on a weekend', () => {
    const years = occurrencesBetween(fiscalYearEnd, japan, new Date('2027-01-01T00:00:00Z'), new Date('2031-01-01T00:00:00Z'));
    expect(years.map(({occurrenceDate, date}) => `${occurrenceDate}→${date}`)).toEqual([
      '2027-03-31→2027-03-31',
      '2028-03-31→2028-03-31',
      '2029-03-31→2029-03-30',
      '2030-03-31→2030-03-29',
    ]);
    expect(years[2]?.at.toISOString()).toBe('2029-03-30T08:00:00.000Z');
  });

  it('yearly on Children’s Day moves back over Golden Week to Friday Apr 30, 2027', () => {
    const childrensDay: RecurrenceSchedule = {...fiscalYearEnd, rule: 'FREQ=YEARLY', start: '2026-05-05'};
    expect(nextOccurrence(childrensDay, japan, new Date('2026-06-01T00:00:00Z'))).toMatchObject({occurrenceDate: '2027-05-05', date: '2027-04-30'});
  });

  it('a window ending after a shifted date but before the named date still holds the occurrence', () => {
    const window = occurrencesBetween(fiscalYearEnd, japan, new Date('2029-03-30T00:00:00+09:00'), new Date('2029-03-31T00:00:00+09:00'));
    expect(described(window)).toEqual(['2029-03-31→2029-03-30@2029-03-30T08:00:00.000Z']);
  });

  it('delivers each occurrence exactly once over back-to-back windows', () => {
    for (const schedule of [firstBusinessDayOfMonth, fiscalYearEnd, {...everyMonday, rule: 'FREQ=DAILY', shift: 'next_business_day' as const}]) {
      const start = new Date('2027-01-01T00:00:00Z').getTime();
      const edges = Array.from({length: 53}, (_, week) => new Date(start + week * 7 * 86_400_000));
      const pieces = edges.slice(1).flatMap((end, index) => occurrencesBetween(schedule, japaneseFirm, edges[index] as Date, end));
      const whole = occurrencesBetween(schedule, japaneseFirm, edges[0] as Date, edges[52] as Date);
      expect(described(pieces)).toEqual(described(whole));
      expect(new Set(whole.map((occurrence) => occurrence.occurrenceDate)).size).toBe(whole.length);
    }
  });
});

describe('several rule dates on one business day', () => {
  it('fire once, named by the rule date of that day itself when the rule names it', () => {
    // Jan 9–10, 2027 is a weekend and Mon Jan 11 is Coming of Age Day: all three move to Tue Jan 12.
    const daily: RecurrenceSchedule = {...firstBusinessDayOfMonth, rule: 'FREQ=DAILY'};
    const days = occurrencesBetween(daily, japan, new Date('2027-01-08T00:00:00+09:00'), new Date('2027-01-13T00:00:00+09:00'));
    expect(days.map(({occurrenceDate, date}) => `${occurrenceDate}→${date}`)).toEqual(['2027-01-08→2027-01-08', '2027-01-12→2027-01-12']);
  });

  it('fire once, named by the earliest rule date otherwise', () => {
    const weekends: RecurrenceSchedule = {...firstBusinessDayOfMonth, rule: 'FREQ=WEEKLY;BYDAY=SA,SU'};
    const days = occurrencesBetween(weekends, japan, new Date('2027-01-08T00:00:00+09:00'), new Date('2027-01-13T00:00:00+09:00'));
    expect(days.map(({occurrenceDate, date}) => `${occurrenceDate}→${date}`)).toEqual(['2027-01-09→2027-01-12']);
  });
});

describe('daylight-saving changes (America/New_York)', () => {
  const daily = (time: string): RecurrenceSchedule => ({...everyMonday, rule: 'FREQ=DAILY', time});

  it('a time skipped when clocks jump forward happens an hour later, as RFC 5545 says', () => {
    const days = occurrencesBetween(daily('02:30'), unitedStates, new Date('2027-03-13T00:00:00Z'), new Date('2027-03-16T00:00:00Z'));
    expect(days.map((occurrence) => occurrence.at.toISOString())).toEqual(['2027-03-13T07:30:00.000Z', '2027-03-14T07:30:00.000Z', '2027-03-15T06:30:00.000Z']);
  });

  it('a time repeated when clocks fall back happens the first time', () => {
    const days = occurrencesBetween(daily('01:30'), unitedStates, new Date('2027-11-06T00:00:00Z'), new Date('2027-11-09T00:00:00Z'));
    expect(days.map((occurrence) => occurrence.at.toISOString())).toEqual(['2027-11-06T05:30:00.000Z', '2027-11-07T05:30:00.000Z', '2027-11-08T06:30:00.000Z']);
  });
});

describe('ends and next occurrences', () => {
  it('until is the last date the rule may name, inclusive', () => {
    const untilMidMarch = {...everyMonday, until: '2027-03-15'};
    const march = occurrencesBetween(untilMidMarch, unitedStates, new Date('2027-03-01T00:00:00Z'), new Date('2027-04-01T00:00:00Z'));
    expect(march.map((occurrence) => occurrence.date)).toEqual(['2027-03-01', '2027-03-08', '2027-03-15']);
    expect(nextOccurrence(untilMidMarch, unitedStates, march[2]?.at as Date)).toBeNull();
  });

  it('the occurrence of the until date may be shifted past it', () => {
    const untilMay = {...firstBusinessDayOfMonth, until: '2027-05-01'};
    const year = occurrencesBetween(untilMay, japaneseFirm, new Date('2027-01-01T00:00:00Z'), new Date('2028-01-01T00:00:00Z'));
    expect(year.map((occurrence) => occurrence.date).at(-1)).toBe('2027-05-06');
    expect(year).toHaveLength(5);
  });

  it('nextOccurrence is strictly after the instant given', () => {
    const january = nextOccurrence(firstBusinessDayOfMonth, japaneseFirm, new Date('2026-06-01T00:00:00Z'));
    expect(january && described([january])).toEqual(['2027-01-01→2027-01-04@2027-01-04T00:00:00.000Z']);
    expect(nextOccurrence(firstBusinessDayOfMonth, japaneseFirm, january?.at as Date)?.date).toBe('2027-02-01');
  });

  it('windows are half-open: an occurrence at `from` is in, one at `to` is out', () => {
    const at = new Date('2027-03-08T14:00:00Z');
    expect(occurrencesBetween(everyMonday, unitedStates, at, new Date('2027-03-09T00:00:00Z'))).toHaveLength(1);
    expect(occurrencesBetween(everyMonday, unitedStates, new Date('2027-03-07T00:00:00Z'), at)).toHaveLength(0);
  });

  it('a schedule that has used up its COUNT has no next occurrence', () => {
    const twice = {...everyMonday, rule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=2'};
    expect(nextOccurrence(twice, unitedStates, new Date('2027-03-01T00:00:00Z'))?.date).toBe('2027-03-01');
    expect(nextOccurrence(twice, unitedStates, new Date('2027-03-09T00:00:00Z'))).toBeNull();
  });
});

describe('schedule checks', () => {
  const problems = (input: unknown) => {
    const result = recurrenceSchema.safeParse(input);
    return result.success ? [] : describeScheduleIssues(result.error).map(({field, message}) => `${field}: ${message}`);
  };

  it('accepts the three kinds of schedule', () => {
    expect([everyMonday, firstBusinessDayOfMonth, {...fiscalYearEnd, until: '2035-12-31'}].map(problems)).toEqual([[], [], []]);
  });

  it.each([
    [{rule: 'FREQ=HOURLY'}, 'rule: FREQ=HOURLY is not supported: a schedule repeats at most daily (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)'],
    [{rule: 'FREQ=MINUTELY;INTERVAL=15'}, 'rule: FREQ=MINUTELY is not supported: a schedule repeats at most daily (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)'],
    [{rule: undefined}, 'rule: is required (an RRULE such as FREQ=WEEKLY;BYDAY=MO or FREQ=MONTHLY;BYMONTHDAY=1)'],
    [{start: '2027-02-30'}, 'start: must be a date YYYY-MM-DD between 1900 and 2199, e.g. 2027-01-04'],
    [{time: '9:00'}, 'time: must be a time of day HH:mm from 00:00 to 23:59, e.g. 09:00'],
    [{time: '24:00'}, 'time: must be a time of day HH:mm from 00:00 to 23:59, e.g. 09:00'],
    [{timeZone: 'Mars/Olympus'}, 'timeZone: must be an IANA time zone such as Asia/Tokyo, America/New_York or UTC'],
    [{timeZone: '+09:00'}, 'timeZone: must be an IANA time zone such as Asia/Tokyo, America/New_York or UTC'],
    [{shift: 'nearest'}, 'shift: must be none, next_business_day, previous_business_day'],
    [{until: '2026-12-31'}, 'until: must not be before start'],
    [{tz: 'Asia/Tokyo'}, 'tz: is not a known field (known fields: rule, start, time, timeZone, shift, until)'],
  ])('refuses %j, naming the field and what is allowed', (change, expected) => {
    expect(problems({...firstBusinessDayOfMonth, ...change})).toEqual([expected]);
  });

  it('the schedule functions refuse a bad schedule with a 422 naming the field', () => {
    expect(() => nextOccurrence({...everyMonday, rule: 'FREQ=SECONDLY'}, unitedStates, new Date())).toThrow(
      expect.objectContaining({
        status: 422,
        id: 'baton.invalid.recurrence',
        message: 'rule: FREQ=SECONDLY is not supported: a schedule repeats at most daily (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)',
        details: expect.objectContaining({field: 'rule'}),
      }),
    );
  });

  it('refuses an invalid instant and a window with too many occurrences', () => {
    expect(() => nextOccurrence(everyMonday, unitedStates, new Date('not a date'))).toThrow(
      expect.objectContaining({id: 'baton.invalid.recurrence_instant', details: {field: 'after'}}),
    );
    const daily = {...everyMonday, rule: 'FREQ=DAILY'};
    const fourYears = () => occurrencesBetween(daily, unitedStates, new Date('2027-01-01T00:00:00Z'), new Date('2031-01-01T00:00:00Z'));
    expect(fourYears).toThrow(expect.objectContaining({id: 'baton.invalid.recurrence_window'}));
  });
});
