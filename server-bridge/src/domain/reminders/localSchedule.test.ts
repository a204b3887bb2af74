import {createBusinessCalendar} from '../calendar/businessCalendar';
import {isFirstBusinessDayOfWeek, isoWeekBounds, isoWeekOf, sendSlot} from './localSchedule';

// "09:00 on business days" for one person: their local date and time, the
// organisation's calendar.

const calendar = createBusinessCalendar({country: 'JP'});

describe('when a person’s daily send is due', () => {
  it('is their own 09:00: Tokyo’s comes thirteen hours before New York’s on the same UTC day', () => {
    // Monday 10 May 2027: 00:00 UTC is 09:00 in Tokyo and 20:00 on Sunday in New York.
    expect(sendSlot(new Date('2027-05-10T00:00:00Z'), 'Asia/Tokyo', '09:00', calendar)).toEqual({date: '2027-05-10', due: true});
    expect(sendSlot(new Date('2027-05-09T23:59:00Z'), 'Asia/Tokyo', '09:00', calendar)).toEqual({date: '2027-05-10', due: false});
    expect(sendSlot(new Date('2027-05-10T00:00:00Z'), 'America/New_York', '09:00', calendar)).toEqual({date: '2027-05-09', due: false});
    expect(sendSlot(new Date('2027-05-10T12:59:00Z'), 'America/New_York', '09:00', calendar)).toEqual({date: '2027-05-10', due: false});
    expect(sendSlot(new Date('2027-05-10T13:00:00Z'), 'America/New_York', '09:00', calendar)).toEqual({date: '2027-05-10', due: true});
  });

  it('stays due for the rest of that day (catch-up), and is never due on a day off', () => {
    expect(sendSlot(new Date('2027-05-10T14:59:00Z'), 'Asia/Tokyo', '09:00', calendar)).toEqual({date: '2027-05-10', due: true});
    // Greenery Day and a Saturday.
    expect(sendSlot(new Date('2027-05-04T02:00:00Z'), 'Asia/Tokyo', '09:00', calendar)).toEqual({date: '2027-05-04', due: false});
    expect(sendSlot(new Date('2027-05-08T02:00:00Z'), 'Asia/Tokyo', '09:00', calendar)).toEqual({date: '2027-05-08', due: false});
  });

  it('reads a zone Mattermost left empty, or one the runtime does not know, as UTC', () => {
    expect(sendSlot(new Date('2027-05-10T09:00:00Z'), '', '09:00', calendar)).toEqual({date: '2027-05-10', due: true});
    expect(sendSlot(new Date('2027-05-10T08:59:00Z'), 'Mars/Olympus_Mons', '09:00', calendar)).toEqual({date: '2027-05-10', due: false});
  });
});

describe('the week’s first business day', () => {
  it('is Monday, or Thursday after Golden Week’s Monday to Wednesday', () => {
    expect(['2027-05-03', '2027-05-04', '2027-05-05', '2027-05-06', '2027-05-07'].filter((date) => isFirstBusinessDayOfWeek(date, calendar))).toEqual(['2027-05-06']);
    expect(['2027-05-10', '2027-05-11'].map((date) => isFirstBusinessDayOfWeek(date, calendar))).toEqual([true, false]);
  });

  it('belongs to an ISO week, named like 2027-W19', () => {
    expect(isoWeekOf('2027-05-10')).toBe('2027-W19');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekBounds('2027-05-12')).toEqual({monday: '2027-05-10', sunday: '2027-05-16'});
  });
});
