import {taskFixture} from '../testing/fixtures';

import {deadlineBucket, groupByBucket, legalDeadline, nearestDeadline, relativeDue} from './deadlines';
import type {Deadline, ReaderClock} from './deadlines';

// Wednesday 2 April 2025, 14:30 UTC: 23:30 in Tokyo, 10:30 in New York.
const now = new Date('2025-04-02T14:30:00Z');
const clock = (timeZone: string | null, locale = 'en-GB'): ReaderClock => ({now, timeZone, locale});

function deadline(kind: string, dueAt: string): Deadline {
  return {kind, dueAt, allDay: false, timeZone: 'UTC'};
}

const taskDue = (...deadlines: Deadline[]) => taskFixture({deadlines});

describe('nearest and legal deadline', () => {
  it('takes the earliest deadline of any kind, and finds the legal one', () => {
    const task = taskDue(deadline('legal', '2025-04-20T08:00:00.000Z'), deadline('internal', '2025-04-10T08:00:00.000Z'), deadline('customer', '2025-04-15T08:00:00.000Z'));
    expect(nearestDeadline(task)?.kind).toBe('internal');
    expect(legalDeadline(task)?.dueAt).toBe('2025-04-20T08:00:00.000Z');
    expect(nearestDeadline(taskDue())).toBeNull();
    expect(legalDeadline(taskDue(deadline('internal', '2025-04-10T08:00:00.000Z')))).toBeNull();
  });
});

describe('deadline buckets', () => {
  it('puts a task without deadlines under no deadline, and a past one under overdue', () => {
    expect(deadlineBucket(taskDue(), clock('UTC'))).toBe('none');
    expect(deadlineBucket(taskDue(deadline('legal', '2025-04-02T14:29:00.000Z')), clock('Asia/Tokyo'))).toBe('overdue');
  });

  it('reads "today" in the reader’s time zone: 40 minutes from now is tomorrow in Tokyo', () => {
    const task = taskDue(deadline('internal', '2025-04-02T15:10:00.000Z'));
    expect(deadlineBucket(task, clock('UTC'))).toBe('today');
    expect(deadlineBucket(task, clock('America/New_York'))).toBe('today');
    expect(deadlineBucket(task, clock('Asia/Tokyo'))).toBe('thisWeek');
  });

  it('ends today at the reader’s midnight', () => {
    // 23:59:59.999 Tokyo on 2 April is still today there; one millisecond later is not.
    expect(deadlineBucket(taskDue(deadline('legal', '2025-04-02T14:59:59.999Z')), clock('Asia/Tokyo'))).toBe('today');
    expect(deadlineBucket(taskDue(deadline('legal', '2025-04-02T15:00:00.000Z')), clock('Asia/Tokyo'))).toBe('thisWeek');
  });

  it('counts the week as the reader’s locale does (Sunday is next week in the US, this week in Britain)', () => {
    const sunday = taskDue(deadline('customer', '2025-04-06T12:00:00.000Z'));
    expect(deadlineBucket(sunday, clock('UTC', 'en-GB'))).toBe('thisWeek');
    expect(deadlineBucket(sunday, clock('UTC', 'en-US'))).toBe('later');
  });

  it('falls back to the browser zone for an unknown zone instead of failing', () => {
    expect(['today', 'thisWeek']).toContain(deadlineBucket(taskDue(deadline('legal', '2025-04-02T15:10:00.000Z')), clock('Mars/Olympus')));
  });

  it('groups in bucket order, each by nearest deadline, leaving out empty buckets', () => {
    const tasks = [
      taskFixture({id: 'later', key: 'PAT-1', deadlines: [deadline('legal', '2025-05-01T00:00:00.000Z')]}),
      taskFixture({id: 'none', key: 'PAT-2'}),
      taskFixture({id: 'late-2', key: 'PAT-3', deadlines: [deadline('internal', '2025-04-01T00:00:00.000Z')]}),
      taskFixture({id: 'late-1', key: 'PAT-4', deadlines: [deadline('legal', '2025-03-01T00:00:00.000Z')]}),
      taskFixture({id: 'today', key: 'PAT-5', deadlines: [deadline('legal', '2025-04-02T20:00:00.000Z'), deadline('internal', '2025-06-01T00:00:00.000Z')]}),
    ];
    const groups = groupByBucket(tasks, clock('UTC'));
    expect(groups.map(({bucket, tasks: inBucket}) => [bucket, inBucket.map((task) => task.id)])).toEqual([
      ['overdue', ['late-1', 'late-2']],
      ['today', ['today']],
      ['later', ['later']],
      ['none', ['none']],
    ]);
  });
});

describe('relative due time', () => {
  it('speaks the reader’s language', () => {
    expect(relativeDue('2025-04-05T14:30:00.000Z', clock('UTC', 'en'))).toBe('in 3 days');
    expect(relativeDue('2025-03-31T14:30:00.000Z', clock('UTC', 'en'))).toBe('2 days ago');
    expect(relativeDue('2025-04-05T14:30:00.000Z', clock('Asia/Tokyo', 'ja'))).toBe('3 日後');
    expect(relativeDue('2025-04-05T14:30:00.000Z', clock('Europe/Moscow', 'ru'))).toBe('через 3 дня');
  });
});
