import {AppError} from '../../errors';
import {resolvePeriod} from './period';

// Periods are read where the caller lives: "this week" starts on Monday at
// midnight in their time zone, and explicit dates include both ends.

const bounds = (from: string, to: string) => ({from: new Date(from), to: new Date(to)});

describe('a stats period', () => {
  // Sunday 2027-01-03 at 23:30 in Tokyo (still Sunday 14:30 UTC).
  const sundayNight = {now: new Date('2027-01-03T14:30:00Z'), timeZone: 'Asia/Tokyo'};

  it.each([
    ['this_week', '2026-12-27T15:00:00Z', '2027-01-03T15:00:00Z'],
    ['last_week', '2026-12-20T15:00:00Z', '2026-12-27T15:00:00Z'],
    ['this_month', '2026-12-31T15:00:00Z', '2027-01-31T15:00:00Z'],
    ['last_month', '2026-11-30T15:00:00Z', '2026-12-31T15:00:00Z'],
    // Today and the 29 days before it.
    ['last_30_days', '2026-12-04T15:00:00Z', '2027-01-03T15:00:00Z'],
  ] as const)('%s runs from Monday (or the 1st) midnight in the caller’s zone', (name, from, to) => {
    expect(resolvePeriod({name}, sundayNight)).toEqual({...bounds(from, to), timeZone: 'Asia/Tokyo', name});
  });

  it('is another week for someone in Moscow at the same instant', () => {
    // 17:30 on Sunday in Moscow as well: the same week, but its midnights are Moscow's.
    expect(resolvePeriod({name: 'this_week'}, {...sundayNight, timeZone: 'Europe/Moscow'})).toMatchObject(bounds('2026-12-27T21:00:00Z', '2027-01-03T21:00:00Z'));
    // Monday 01:00 in Tokyo is still Sunday in Moscow.
    const mondayInTokyo = new Date('2027-01-03T16:00:00Z');
    expect(resolvePeriod({name: 'this_week'}, {now: mondayInTokyo, timeZone: 'Asia/Tokyo'}).from).toEqual(new Date('2027-01-03T15:00:00Z'));
    expect(resolvePeriod({name: 'this_week'}, {now: mondayInTokyo, timeZone: 'Europe/Moscow'}).from).toEqual(new Date('2026-12-27T21:00:00Z'));
  });

  it('keeps its midnights across a daylight-saving change (a 167-hour week)', () => {
    // Berlin moves to summer time on Sunday 2027-03-28.
    const period = resolvePeriod({name: 'last_week'}, {now: new Date('2027-03-31T10:00:00Z'), timeZone: 'Europe/Berlin'});
    expect(period).toMatchObject(bounds('2027-03-21T23:00:00Z', '2027-03-28T22:00:00Z'));
  });

  it('includes both of two explicit dates', () => {
    expect(resolvePeriod({fromDate: '2027-06-01', toDate: '2027-06-30'}, sundayNight)).toEqual({...bounds('2027-05-31T15:00:00Z', '2027-06-30T15:00:00Z'), timeZone: 'Asia/Tokyo', name: null});
    expect(resolvePeriod({fromDate: '2027-06-01', toDate: '2027-06-01'}, sundayNight)).toMatchObject(bounds('2027-05-31T15:00:00Z', '2027-06-01T15:00:00Z'));
  });

  it('refuses dates in the wrong order, naming `to`', () => {
    let error: unknown;
    try {
      resolvePeriod({fromDate: '2027-06-30', toDate: '2027-06-01'}, sundayNight);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect([(error as AppError).status, (error as AppError).details.field]).toEqual([400, 'to']);
  });
});
