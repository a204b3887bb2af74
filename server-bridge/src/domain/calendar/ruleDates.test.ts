import {checkRecurrenceRule} from './recurrenceRule';
import {type RuleDatesOptions, ruleDates} from './ruleDates';

// Most cases are RFC 5545's own examples (section 3.8.5.3), with DTSTART as
// `start`; the RFC counts DTSTART even when the rule does not name it, these
// rules (like python-dateutil's) do not, which only one example shows.

function first(count: number, rule: string, options: RuleDatesOptions): string[] {
  const check = checkRecurrenceRule(rule);
  if (!check.ok) throw new Error(check.problem);
  const dates: string[] = [];
  for (const date of ruleDates(check.rule, options)) {
    if (dates.length === count) break;
    dates.push(date);
  }
  return dates;
}

describe('rule dates (RFC 5545 examples)', () => {
  it('every 10 days, 5 occurrences', () => {
    expect(first(10, 'FREQ=DAILY;INTERVAL=10;COUNT=5', {start: '1997-09-02'})).toEqual(['1997-09-02', '1997-09-12', '1997-09-22', '1997-10-02', '1997-10-12']);
  });

  it('every other week on Monday, Wednesday and Friday until December 24, 1997', () => {
    // The RFC's UNTIL is Dec 24 00:00 UTC, before that day's 09:00; `until` is a whole day, inclusive.
    expect(first(100, 'FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=MO,WE,FR', {start: '1997-09-01', until: '1997-12-23'})).toEqual([
      '1997-09-01', '1997-09-03', '1997-09-05', '1997-09-15', '1997-09-17', '1997-09-19', '1997-09-29',
      '1997-10-01', '1997-10-03', '1997-10-13', '1997-10-15', '1997-10-17', '1997-10-27', '1997-10-29', '1997-10-31',
      '1997-11-10', '1997-11-12', '1997-11-14', '1997-11-24', '1997-11-26', '1997-11-28',
      '1997-12-08', '1997-12-10', '1997-12-12', '1997-12-22',
    ]);
  });

  it('WKST decides which weeks an every-other-week rule keeps', () => {
    expect(first(4, 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO', {start: '1997-08-05'})).toEqual(['1997-08-05', '1997-08-10', '1997-08-19', '1997-08-24']);
    expect(first(4, 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU', {start: '1997-08-05'})).toEqual(['1997-08-05', '1997-08-17', '1997-08-19', '1997-08-31']);
  });

  it('monthly on the first Friday, and on the second-to-last Monday', () => {
    expect(first(4, 'FREQ=MONTHLY;COUNT=10;BYDAY=1FR', {start: '1997-09-05'})).toEqual(['1997-09-05', '1997-10-03', '1997-11-07', '1997-12-05']);
    expect(first(6, 'FREQ=MONTHLY;COUNT=6;BYDAY=-2MO', {start: '1997-09-22'})).toEqual(['1997-09-22', '1997-10-20', '1997-11-17', '1997-12-22', '1998-01-19', '1998-02-16']);
  });

  it('monthly on the third-to-last day, and skipping days a month does not have', () => {
    expect(first(6, 'FREQ=MONTHLY;BYMONTHDAY=-3', {start: '1997-09-28'})).toEqual(['1997-09-28', '1997-10-29', '1997-11-28', '1997-12-29', '1998-01-29', '1998-02-26']);
    expect(first(5, 'FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5', {start: '2007-01-15'})).toEqual(['2007-01-15', '2007-01-30', '2007-02-15', '2007-03-15', '2007-03-30']);
  });

  it('every Friday the 13th (the RFC excludes its DTSTART, which the rule does not name)', () => {
    expect(first(5, 'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13', {start: '1997-09-02'})).toEqual(['1998-02-13', '1998-03-13', '1998-11-13', '1999-08-13', '2000-10-13']);
  });

  it('the last work day of the month, and the third Tuesday, Wednesday or Thursday', () => {
    expect(first(5, 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', {start: '1997-09-29'})).toEqual(['1997-09-30', '1997-10-31', '1997-11-28', '1997-12-31', '1998-01-30']);
    expect(first(5, 'FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3', {start: '1997-09-04'})).toEqual(['1997-09-04', '1997-10-07', '1997-11-06']);
  });

  it('yearly in June and July, every Thursday in March, and the 20th Monday of the year', () => {
    expect(first(4, 'FREQ=YEARLY;COUNT=10;BYMONTH=6,7', {start: '1997-06-10'})).toEqual(['1997-06-10', '1997-07-10', '1998-06-10', '1998-07-10']);
    expect(first(7, 'FREQ=YEARLY;BYMONTH=3;BYDAY=TH', {start: '1997-03-13'})).toEqual(['1997-03-13', '1997-03-20', '1997-03-27', '1998-03-05', '1998-03-12', '1998-03-19', '1998-03-26']);
    expect(first(3, 'FREQ=YEARLY;BYDAY=20MO', {start: '1997-05-19'})).toEqual(['1997-05-19', '1998-05-18', '1999-05-17']);
  });

  it('US presidential election day: the Tuesday after the first Monday of November, every four years', () => {
    expect(first(3, 'FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8', {start: '1996-11-05'})).toEqual(['1996-11-05', '2000-11-07', '2004-11-02']);
  });
});

describe('rule dates (Baton schedules)', () => {
  it('US Thanksgiving, the fourth Thursday of November', () => {
    expect(first(2, 'FREQ=YEARLY;BYMONTH=11;BYDAY=4TH', {start: '2026-01-01'})).toEqual(['2026-11-26', '2027-11-25']);
  });

  it('a yearly rule started on Feb 29 only occurs in leap years', () => {
    expect(first(3, 'FREQ=YEARLY', {start: '2024-02-29'})).toEqual(['2024-02-29', '2028-02-29', '2032-02-29']);
  });

  it('monthly on the 31st skips shorter months; BYMONTHDAY=-1 is every month end', () => {
    expect(first(3, 'FREQ=MONTHLY', {start: '2027-01-31'})).toEqual(['2027-01-31', '2027-03-31', '2027-05-31']);
    expect(first(3, 'FREQ=MONTHLY;BYMONTHDAY=-1', {start: '2028-01-15'})).toEqual(['2028-01-31', '2028-02-29', '2028-03-31']);
  });

  it('a daily rule limited to weekdays', () => {
    expect(first(4, 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', {start: '2027-01-01'})).toEqual(['2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06']);
  });

  it('starting from a later date gives the same dates as walking from start', () => {
    const rule = 'FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,FR';
    const all = first(60, rule, {start: '2027-01-01'});
    const later = first(10, rule, {start: '2027-01-01', from: '2027-06-01'});
    expect(later).toEqual(all.filter((date) => date >= '2027-06-01').slice(0, 10));
  });

  it('COUNT counts from start even when asked for dates from later on', () => {
    expect(first(10, 'FREQ=WEEKLY;COUNT=3', {start: '2027-01-04', from: '2027-01-12'})).toEqual(['2027-01-18']);
  });

  it('ends at the last supported year for a rule that never occurs', () => {
    expect(first(1, 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', {start: '2027-01-01'})).toEqual([]);
  });
});
