import type {BusinessCalendar} from '../calendar/businessCalendar';
import {addDays} from '../calendar/calendarDate';
import {instantOf} from '../calendar/localTime';
import type {DeadlineReminderNotice, Notice, OutboxWriter} from '../notices/ports';
import type {ScheduledJob} from '../scheduling/job';
import type {ChannelAccess} from '../tasks/ports';
import {canSee} from '../tasks/visibility';
import {DEFAULT_DEADLINE_LADDER, ladderRung, reminderKey} from './deadlineLadder';
import {partialFailure} from './partialFailure';
import type {OpenDeadline, ReminderPeople, ReminderReads} from './ports';
import {sendSlot, usableZone} from './localSchedule';
import {isSnoozed, type ReminderSnoozeStore, snoozeIndex} from './snooze';
import {type UserSettings, type UserSettingsStore, withDefaults} from './userSettings';

// Reminds people of deadlines on a ladder (deadlineLadder.ts): the holder at
// each rung before a deadline and every business day once it is overdue;
// for an overdue legal deadline, which cannot move, the task's creator and
// watchers too. Each person at their digest time in their own time zone, on
// business days, never for a deadline kind they muted, nor for a task and
// kind they snoozed (snooze.ts) until the snooze's date. Every reminder has a
// key naming the task, the kind, the rung and the person, so it is sent
// exactly once whatever the number of replicas or restarts.

/** The deadline kind whose overdue reminders also go to the creator and the watchers. */
export const FOLLOWERS_TOLD_WHEN_OVERDUE = 'legal';

export interface DeadlineLadderJobDeps {
  reads: Pick<ReminderReads, 'openDeadlinesBefore' | 'enqueuedKeys'>;
  settings: Pick<UserSettingsStore, 'findMany'>;
  people: ReminderPeople;
  /** Nobody is reminded of a task they can no longer see (they left its channel). */
  access: ChannelAccess;
  outbox: OutboxWriter;
  calendar: BusinessCalendar;
  /** People's snoozes (snooze.ts); without it, nothing is snoozed. */
  snoozes?: Pick<ReminderSnoozeStore, 'snoozesOf'>;
  /** Business days before a deadline; DEFAULT_DEADLINE_LADDER unless given. */
  ladder?: readonly number[];
  onEnqueued?: () => void;
}

interface Pending {
  key: string;
  target: OpenDeadline;
  userId: string;
  audience: DeadlineReminderNotice['audience'];
}

export function createDeadlineLadderJob(deps: DeadlineLadderJobDeps): ScheduledJob {
  const {calendar, ladder = DEFAULT_DEADLINE_LADDER} = deps;
  const farthestRung = Math.max(0, ...ladder);

  /** Past every deadline any reader anywhere is on a rung of: the highest rung from tomorrow (UTC), plus a day for the zones ahead. */
  function horizon(now: Date): Date {
    const tomorrow = addDays(now.toISOString().slice(0, 10), 1);
    return instantOf(addDays(calendar.addBusinessDays(tomorrow, farthestRung), 2), '00:00', 'UTC');
  }

  function recipients(target: OpenDeadline, overdue: boolean): Array<{userId: string; audience: Pending['audience']}> {
    const holder = target.holderId ? [{userId: target.holderId, audience: 'holder' as const}] : [];
    if (!overdue || target.deadline.kind !== FOLLOWERS_TOLD_WHEN_OVERDUE) return holder;
    const followers = [...new Set([target.creatorId, ...target.watcherIds])].filter((userId) => userId !== target.holderId);
    return [...holder, ...followers.map((userId) => ({userId, audience: 'follower' as const}))];
  }

  return {
    name: 'deadline-reminders',
    async run(now) {
      const targets = await deps.reads.openDeadlinesBefore(horizon(now));
      const people = [...new Set(targets.flatMap((target) => [target.holderId, target.creatorId, ...target.watcherIds]).filter((id): id is string => id !== null))];
      const stored = await deps.settings.findMany(people);
      const snoozedUntil = snoozeIndex(deps.snoozes ? await deps.snoozes.snoozesOf([...new Set(targets.map((target) => target.taskId))]) : []);
      const zones = new Map<string, string>();
      const zoneOf = async (userId: string) => {
        if (!zones.has(userId)) zones.set(userId, usableZone(await deps.people.timeZone(userId)));
        return zones.get(userId) as string;
      };
      const failures: unknown[] = [];

      const pending: Pending[] = [];
      for (const target of targets) {
        const overdue = target.deadline.dueAt.getTime() < now.getTime();
        for (const {userId, audience} of recipients(target, overdue)) {
          try {
            const settings: UserSettings = withDefaults(userId, stored.get(userId));
            if (settings.mutedDeadlineKinds.includes(target.deadline.kind)) continue;
            const readerZone = await zoneOf(userId);
            const slot = sendSlot(now, readerZone, settings.digestTime, calendar);
            if (!slot.due) continue;
            // Only the person who snoozed is spared: followers are asked on their own.
            if (isSnoozed(snoozedUntil(userId, target.taskId, target.deadline.kind), slot.date)) continue;
            const rung = ladderRung(target.deadline, {today: slot.date, readerZone, now, calendar, ladder});
            if (!rung) continue;
            pending.push({key: reminderKey(target.taskId, target.deadline.kind, rung, userId), target, userId, audience});
          } catch (error) {
            failures.push(error);
          }
        }
      }

      const enqueued = await deps.reads.enqueuedKeys(pending.map((item) => item.key));
      let sent = 0;
      for (const {key, target, userId, audience} of pending.filter((item) => !enqueued.has(item.key))) {
        try {
          if (!(await canSee(target, {userId, guest: false}, deps.access))) continue;
          const {deadline} = target;
          const notice: Notice = {
            kind: 'deadline_reminder',
            userId,
            taskId: target.taskId,
            deadline: {kind: deadline.kind, dueAt: deadline.dueAt.toISOString(), allDay: deadline.allDay, timeZone: deadline.timeZone},
            audience,
            idempotencyKey: key,
          };
          await deps.outbox.enqueue(notice);
          sent += 1;
        } catch (error) {
          failures.push(error);
        }
      }
      if (sent > 0) deps.onEnqueued?.();
      if (failures.length > 0) throw partialFailure('deadline reminders', failures, people.length);
    },
  };
}
