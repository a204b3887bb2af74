import {createBusinessCalendar} from '../calendar/businessCalendar';
import {addDays} from '../calendar/calendarDate';
import {instantOf} from '../calendar/localTime';
import type {Deadline} from '../tasks/task';
import {DEFAULT_DEADLINE_LADDER, ladderRung, reminderKey} from './deadlineLadder';

// The default ladder on a Japanese calendar around Golden Week 2027
// (29 April and 3–5 May are holidays): each rung on exactly one business day,
// counted in business days, then once every business day while overdue.

const calendar = createBusinessCalendar({country: 'JP'});
const endOfTokyoDay = (date: string) => new Date(instantOf(addDays(date, 1), '00:00', 'Asia/Tokyo').getTime() - 1);
const legal = (date: string): Deadline => ({kind: 'legal', dueAt: endOfTokyoDay(date), allDay: true, timeZone: 'Asia/Tokyo'});

/** Every date from `from` to `to`, both included. */
function days(from: string, to: string): string[] {
  const all: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) all.push(date);
  return all;
}

/** The rung of each business day at 09:00 in `zone`, as `date → rung`. */
function ladderOf(deadline: Deadline, zone: string, from: string, to: string): Record<string, string> {
  const rungs: Record<string, string> = {};
  for (const today of days(from, to).filter((date) => calendar.isBusinessDay(date))) {
    const rung = ladderRung(deadline, {today, readerZone: zone, now: instantOf(today, '09:00', zone), calendar});
    if (rung) rungs[today] = rung.stage === 'ahead' ? `${rung.businessDays} before` : 'overdue';
  }
  return rungs;
}

describe('the deadline ladder', () => {
  it('is 7, 3 and 1 business days before, and the day itself', () => {
    expect(DEFAULT_DEADLINE_LADDER).toEqual([7, 3, 1, 0]);
  });

  it('counts business days across Golden Week, then reminds every business day while overdue', () => {
    expect(ladderOf(legal('2027-05-14'), 'Asia/Tokyo', '2027-04-26', '2027-05-20')).toEqual({
      // Seven business days before Friday 14 May: 6, 7, 10, 11, 12, 13, 14 May are after it.
      '2027-04-30': '7 before',
      '2027-05-11': '3 before',
      '2027-05-13': '1 before',
      '2027-05-14': '0 before',
      // Not on the weekend of 15–16 May.
      '2027-05-17': 'overdue',
      '2027-05-18': 'overdue',
      '2027-05-19': 'overdue',
      '2027-05-20': 'overdue',
    });
  });

  it('reminds "on the day" of a deadline on a day off on the last business day before it', () => {
    expect(ladderOf(legal('2027-05-16'), 'Asia/Tokyo', '2027-04-26', '2027-05-16')).toEqual({
      '2027-04-30': '7 before',
      '2027-05-11': '3 before',
      '2027-05-13': '1 before',
      '2027-05-14': '0 before',
    });
  });

  it('reads an all-day deadline in its own zone, and one with a time in the reader’s', () => {
    // 17:00 on Friday 14 May in Tokyo is 04:00 that Friday in New York.
    const customer: Deadline = {kind: 'customer', dueAt: new Date('2027-05-14T08:00:00Z'), allDay: false, timeZone: 'Asia/Tokyo'};
    expect(ladderOf(customer, 'America/New_York', '2027-05-10', '2027-05-14')).toEqual({'2027-05-11': '3 before', '2027-05-13': '1 before', '2027-05-14': 'overdue'});
  });

  it('takes another ladder when given one', () => {
    const rung = ladderRung(legal('2027-05-14'), {today: '2027-05-12', readerZone: 'Asia/Tokyo', now: instantOf('2027-05-12', '09:00', 'Asia/Tokyo'), calendar, ladder: [2]});
    expect(rung).toEqual({stage: 'ahead', businessDays: 2, dueDate: '2027-05-14'});
  });

  it('names a rung by task, kind, rung (with the due date, so a moved deadline climbs again) and person', () => {
    expect(reminderKey('t1', 'legal', {stage: 'ahead', businessDays: 3, dueDate: '2027-05-14'}, 'u1')).toBe('reminder:t1:legal:3@2027-05-14:u1');
    expect(reminderKey('t1', 'legal', {stage: 'overdue', date: '2027-05-17'}, 'u1')).toBe('reminder:t1:legal:2027-05-17:u1');
  });
});
