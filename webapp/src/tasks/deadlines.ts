// Deadlines as the lists show them: each task's nearest deadline, the bucket
// it falls in for the reader (in their Mattermost time zone, weeks as their
// locale counts them) and its time relative to now. Luxon comes from the
// host (window.Luxon); nothing here runs when the module loads.
import {DateTime} from 'luxon';

import type {Task} from '../api/contract';

export type Deadline = Task['deadlines'][number];

export const deadlineBuckets = ['overdue', 'today', 'thisWeek', 'later', 'none'] as const;
export type DeadlineBucket = (typeof deadlineBuckets)[number];

/** Where and how the reader reads dates. */
export type ReaderClock = {
  now: Date;
  /** IANA zone; null or an unknown zone: the browser's own. */
  timeZone: string | null;
  locale: string;
};

/** The deadline due first (any kind); null without deadlines. */
export function nearestDeadline(task: Pick<Task, 'deadlines'>): Deadline | null {
  let nearest: Deadline | null = null;
  for (const deadline of task.deadlines) {
    if (!nearest || Date.parse(deadline.dueAt) < Date.parse(nearest.dueAt)) {
      nearest = deadline;
    }
  }
  return nearest;
}

export function legalDeadline(task: Pick<Task, 'deadlines'>): Deadline | null {
  return task.deadlines.find((deadline) => deadline.kind === 'legal') ?? null;
}

function readerNow({now, timeZone, locale}: ReaderClock): DateTime {
  const local = DateTime.fromJSDate(now).setLocale(locale);
  const zoned = timeZone ? local.setZone(timeZone) : local;
  return zoned.isValid ? zoned : local;
}

/** The instants (ms) the buckets end at for the reader, computed once per list. */
export type BucketBounds = {now: number; endOfToday: number; endOfWeek: number};

export function bucketBounds(clock: ReaderClock): BucketBounds {
  const now = readerNow(clock);
  return {
    now: now.toMillis(),
    endOfToday: now.endOf('day').toMillis(),
    endOfWeek: now.endOf('week', {useLocaleWeeks: true}).toMillis(),
  };
}

export function bucketOf(task: Pick<Task, 'deadlines'>, bounds: BucketBounds): DeadlineBucket {
  const nearest = nearestDeadline(task);
  if (!nearest) {
    return 'none';
  }
  const due = Date.parse(nearest.dueAt);
  if (due < bounds.now) {
    return 'overdue';
  }
  if (due <= bounds.endOfToday) {
    return 'today';
  }
  return due <= bounds.endOfWeek ? 'thisWeek' : 'later';
}

/** Overdue, today, this week (the locale's week), later, or none, from the nearest deadline. */
export function deadlineBucket(task: Pick<Task, 'deadlines'>, clock: ReaderClock): DeadlineBucket {
  return bucketOf(task, bucketBounds(clock));
}

/** "in 3 days", "2 days ago" (3 日後, 2 日前, …) in the reader's locale. */
export function relativeDue(dueAt: string, clock: ReaderClock): string {
  const now = readerNow(clock);
  return DateTime.fromISO(dueAt).setZone(now.zone).toRelative({base: now, locale: clock.locale}) ?? dueAt;
}

/** The date and time in the reader's zone and locale, for a tooltip. */
export function formatDue(dueAt: string, clock: ReaderClock): string {
  const now = readerNow(clock);
  return DateTime.fromISO(dueAt).setZone(now.zone).setLocale(clock.locale).toLocaleString(DateTime.DATETIME_MED);
}

export function isOverdue(dueAt: string, now: Date): boolean {
  return Date.parse(dueAt) < now.getTime();
}

/** Tasks grouped by bucket in bucket order, each group by nearest deadline (then key). Empty groups are left out. */
export function groupByBucket(tasks: readonly Task[], clock: ReaderClock): {bucket: DeadlineBucket; tasks: Task[]}[] {
  if (tasks.length === 0) {
    return [];
  }
  const groups = new Map<DeadlineBucket, Task[]>(deadlineBuckets.map((bucket) => [bucket, []]));
  const bounds = bucketBounds(clock);
  for (const task of tasks) {
    groups.get(bucketOf(task, bounds))?.push(task);
  }
  const dueTime = (task: Task) => {
    const nearest = nearestDeadline(task);
    return nearest ? Date.parse(nearest.dueAt) : Number.POSITIVE_INFINITY;
  };
  return deadlineBuckets
    .map((bucket) => ({bucket, tasks: (groups.get(bucket) ?? []).sort((a, b) => dueTime(a) - dueTime(b) || a.key.localeCompare(b.key))}))
    .filter((group) => group.tasks.length > 0);
}
