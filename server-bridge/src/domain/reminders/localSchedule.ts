import {DateTime} from 'luxon';
import type {BusinessCalendar} from '../calendar/businessCalendar';
import {type CalendarDate, addDays, isoWeekday} from '../calendar/calendarDate';
import {instantOf, isTimeZone, localDateOf} from '../calendar/localTime';

// When something sent "at 09:00 on business days" is due for one person: in
// their time zone, on the organisation's business days. A send is tied to
// the person's local date, so one missed while the bridge was down is made
// up later that same day, and never on a later day.

export interface SendSlot {
  /** The person's local date at `now`. */
  date: CalendarDate;
  /** A business day, and `now` is at or after the send time on it. */
  due: boolean;
}

export function sendSlot(now: Date, timeZone: string, localTime: string, calendar: BusinessCalendar): SendSlot {
  const zone = usableZone(timeZone);
  const date = localDateOf(now, zone);
  const due = calendar.isBusinessDay(date) && now.getTime() >= instantOf(date, localTime, zone).getTime();
  return {date, due};
}

/** Mattermost may report no zone, or one this runtime does not know: then UTC, as Mattermost itself shows. */
export function usableZone(timeZone: string): string {
  return timeZone && isTimeZone(timeZone) ? timeZone : 'UTC';
}

/** Whether `date` is the week's first business day (Monday, or Thursday after Golden Week's Monday–Wednesday). */
export function isFirstBusinessDayOfWeek(date: CalendarDate, calendar: BusinessCalendar): boolean {
  if (!calendar.isBusinessDay(date)) return false;
  for (let earlier = addDays(date, -1), left = isoWeekday(date) - 1; left > 0; earlier = addDays(earlier, -1), left -= 1) {
    if (calendar.isBusinessDay(earlier)) return false;
  }
  return true;
}

/** The ISO week of a date, e.g. `2027-W19` (ISO weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(date: CalendarDate): string {
  return DateTime.fromISO(date, {zone: 'UTC'}).toFormat("kkkk-'W'WW");
}

/** Monday and Sunday of the ISO week of `date`. */
export function isoWeekBounds(date: CalendarDate): {monday: CalendarDate; sunday: CalendarDate} {
  const monday = addDays(date, 1 - isoWeekday(date));
  return {monday, sunday: addDays(monday, 6)};
}

/**
 * A deadline's due date and "today", both where the deadline is read: an
 * all-day deadline in its own zone (a Tokyo court's 31 March is 31 March
 * everywhere), a deadline with a time in the reader's zone. As
 * notices/deadlineWording.ts words it, so a reminder for "today" says "due today".
 */
export function deadlineDays(deadline: {dueAt: Date; allDay: boolean; timeZone: string}, readerZone: string, now: Date): {due: CalendarDate; today: CalendarDate} {
  const zone = deadline.allDay && isTimeZone(deadline.timeZone) ? deadline.timeZone : usableZone(readerZone);
  return {due: localDateOf(deadline.dueAt, zone), today: localDateOf(now, zone)};
}
