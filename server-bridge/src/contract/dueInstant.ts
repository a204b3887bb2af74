import {isAllDayDue} from './deadline';

// Turns a deadline's `due` (as the contract accepts it) into the instant the
// bridge stores, sorts by and checks overdue against. An all-day deadline is
// due at the end of that day where the deadline applies: the last millisecond
// before the next local midnight in its time zone (so a legal deadline of
// 2025-03-31 in Tokyo is 2025-03-31T14:59:59.999Z). Shared with the webapp so
// a form can preview exactly what will be stored.

export interface DueInstant {
  dueAt: Date;
  allDay: boolean;
}

/** `timeZone` must be an IANA name (the contract checks it); for a date-time it only matters for display. */
export function dueInstant(due: string, timeZone: string): DueInstant {
  if (!isAllDayDue(due)) return {dueAt: new Date(due), allDay: false};
  const [year = NaN, month = NaN, day = NaN] = due.split('-').map(Number);
  const nextMidnight = zonedMidnight(year, month - 1, day + 1, timeZone);
  return {dueAt: new Date(nextMidnight - 1), allDay: true};
}

/** The UTC time of 00:00 on a local calendar day in `timeZone` (Date.UTC normalises day overflow). */
function zonedMidnight(year: number, monthIndex: number, day: number, timeZone: string): number {
  const wallClock = Date.UTC(year, monthIndex, day);
  // The offset at the wall-clock time read as UTC is close; a second pass
  // corrects it when a daylight-saving change lies between the two.
  const firstGuess = wallClock - offsetAt(wallClock, timeZone);
  return wallClock - offsetAt(firstGuess, timeZone);
}

/** How far `timeZone`'s local time is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((item) => item.type === type)?.value);
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return local - Math.floor(instant / 1000) * 1000;
}
