import {DateTime, IANAZone} from 'luxon';
import type {CalendarDate} from './calendarDate';

// Where local dates meet instants. A wall-clock time on a date in a zone
// usually names one instant; around daylight-saving changes it names none or
// two. RFC 5545 (3.3.5) settles both, and so does this module:
// - a time that does not exist (02:30 when clocks jump from 02:00 to 03:00)
//   is read with the offset from before the jump: 03:30 new time;
// - a time that exists twice (01:30 when clocks fall back) is the first one.

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const WALL_CLOCK = "yyyy-MM-dd'T'HH:mm";

export function isTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

/** The local date in `timeZone` at `instant`. */
export function localDateOf(instant: Date, timeZone: string): CalendarDate {
  return DateTime.fromJSDate(instant, {zone: timeZone}).toFormat('yyyy-MM-dd');
}

/** The instant of `time` (`HH:mm`) on `date` in `timeZone`. */
export function instantOf(date: CalendarDate, time: string, timeZone: string): Date {
  const wallClock = DateTime.fromISO(`${date}T${time}`, {zone: timeZone});
  // luxon reads a gap as RFC 5545 does, but of two repeated times it picks
  // the later. The earlier one is as far before it as the offset fell (an
  // hour mostly, 30 minutes on Lord Howe Island), if it shows the same time.
  const offsetDayBefore = DateTime.fromMillis(wallClock.toMillis() - DAY_MS, {zone: timeZone}).offset;
  const fallMinutes = offsetDayBefore - wallClock.offset;
  if (fallMinutes <= 0) return wallClock.toJSDate();
  const firstTime = DateTime.fromMillis(wallClock.toMillis() - fallMinutes * MINUTE_MS, {zone: timeZone});
  return (firstTime.toFormat(WALL_CLOCK) === wallClock.toFormat(WALL_CLOCK) ? firstTime : wallClock).toJSDate();
}
