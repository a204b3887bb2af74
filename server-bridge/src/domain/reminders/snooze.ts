import {type CalendarDate, addDays} from '../calendar/calendarDate';
import type {Deadline} from '../tasks/task';
import {deadlineDays} from './localSchedule';

// Snoozing a deadline's reminders: one person, one task, one deadline kind,
// until a local date in that person's time zone. The ladder
// (deadlineLadderJob.ts) sends that person nothing for that task and kind on
// the days before `until`, and carries on from `until` (an overdue task gets
// its daily reminder again). It hides nothing from anyone else: a holder's
// snooze leaves the creator's and watchers' overdue reminders alone.
//
// A legal deadline cannot move, so its reminders snooze at most until its own
// day: the "due today" reminder always comes. Other kinds may snooze past
// their deadline.

/** The kind whose reminders snooze at most until the deadline's day. */
export const SNOOZE_CAPPED_KIND = 'legal';

export interface ReminderSnooze {
  userId: string;
  taskId: string;
  deadlineKind: string;
  /** The first local date on which reminders come again. */
  until: CalendarDate;
}

export interface ReminderSnoozeStore {
  /** Records (or moves) this person's snooze for the task and kind. */
  snooze(snooze: ReminderSnooze, at: Date): Promise<void>;
  /** The snoozes on these tasks, past ones included. */
  snoozesOf(taskIds: readonly string[]): Promise<ReminderSnooze[]>;
}

/** The choices the dialog offers, in days from the reader's today. */
export const SNOOZE_CHOICES = {'1d': 1, '3d': 3, '1w': 7} as const;
export type SnoozeChoice = keyof typeof SNOOZE_CHOICES;

/** The latest date reminders about this deadline may snooze until, or null when there is no limit. */
export function snoozeLimit(deadline: Pick<Deadline, 'kind' | 'dueAt' | 'allDay' | 'timeZone'> | undefined, readerZone: string, now: Date): CalendarDate | null {
  if (!deadline || deadline.kind !== SNOOZE_CAPPED_KIND) return null;
  return deadlineDays(deadline, readerZone, now).due;
}

/** Whether a snooze could change anything today: some date after `today` is within the limit. */
export function canSnooze(limit: CalendarDate | null, today: CalendarDate): boolean {
  return limit === null || limit > today;
}

export type SnoozeDecision =
  | {ok: true; until: CalendarDate; capped: boolean}
  /** `past`: the date is not after today; `legal_past`: the legal deadline's day has come, nothing is left to snooze. */
  | {ok: false; reason: 'past' | 'legal_past'};

/** The date a requested snooze takes effect until: after today, and no later than the limit. */
export function decideSnooze(requested: CalendarDate, context: {today: CalendarDate; limit: CalendarDate | null}): SnoozeDecision {
  if (!canSnooze(context.limit, context.today)) return {ok: false, reason: 'legal_past'};
  if (requested <= context.today) return {ok: false, reason: 'past'};
  if (context.limit !== null && requested > context.limit) return {ok: true, until: context.limit, capped: true};
  return {ok: true, until: requested, capped: false};
}

/** The date a dialog choice names for a reader whose date is `today`. */
export function snoozeChoiceDate(choice: SnoozeChoice, today: CalendarDate): CalendarDate {
  return addDays(today, SNOOZE_CHOICES[choice]);
}

/** Looks up snoozes by person, task and kind. */
export function snoozeIndex(snoozes: readonly ReminderSnooze[]): (userId: string, taskId: string, kind: string) => CalendarDate | undefined {
  const index = new Map(snoozes.map((snooze) => [snoozeKey(snooze.userId, snooze.taskId, snooze.deadlineKind), snooze.until]));
  return (userId, taskId, kind) => index.get(snoozeKey(userId, taskId, kind));
}

/** Whether reminders are held back on `today` by a snooze until `until`. */
export function isSnoozed(until: CalendarDate | undefined, today: CalendarDate): boolean {
  return until !== undefined && today < until;
}

function snoozeKey(userId: string, taskId: string, kind: string): string {
  return JSON.stringify([userId, taskId, kind]);
}
