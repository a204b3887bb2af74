import type {z} from 'zod';
import {formatZodIssues} from './errors';
import {instantWithOffset, isKnownTimeZone, isTaskKey, label, labels, localDate, taskRef, timeZone, title, userId} from './fields';
import {mmId} from '../testing/mattermostIds';

const problems = (schema: z.ZodType, value: unknown): string[] => {
  const result = schema.safeParse(value);
  return result.success ? [] : formatZodIssues(result.error, 'value');
};

describe('contract fields', () => {
  it('accepts Mattermost ids only in their 26-character form', () => {
    expect(problems(userId, mmId('sato'))).toEqual([]);
    expect(problems(userId, 'sato')).toEqual(['value: must be a Mattermost user id (26 lowercase letters and digits)']);
    expect(problems(userId, mmId('sato').toUpperCase())).toHaveLength(1);
  });

  it('trims the title and counts 1–200 characters', () => {
    expect(title.parse('  Reply to office action  ')).toBe('Reply to office action');
    expect(problems(title, 'x'.repeat(200))).toEqual([]);
    expect(problems(title, 'x'.repeat(201))).toEqual(['value: must be 1–200 characters']);
    expect(problems(title, '   ')).toEqual(['value: must be 1–200 characters']);
    expect(problems(title, 12)).toEqual(['value: must be 1–200 characters']);
  });

  it('accepts an instant only with Z or an offset and says why a local date-time is refused', () => {
    expect(problems(instantWithOffset, '2025-03-31T17:00:00+09:00')).toEqual([]);
    expect(problems(instantWithOffset, '2025-03-31T08:00:00.000Z')).toEqual([]);
    expect(problems(instantWithOffset, '2025-03-31T17:00:00')).toEqual([expect.stringMatching(/^value: must include a UTC offset or Z/)]);
    expect(problems(instantWithOffset, '2025-03-31T17:00')).toEqual([expect.stringMatching(/^value: must include a UTC offset or Z/)]);
    expect(problems(instantWithOffset, 'next friday')).toEqual([expect.stringMatching(/^value: must be an ISO 8601 date-time with Z or an offset/)]);
  });

  it('accepts real calendar dates only', () => {
    expect(problems(localDate, '2028-02-29')).toEqual([]);
    expect(problems(localDate, '2025-02-29')).toEqual(['value: must be a date YYYY-MM-DD such as 2025-03-31']);
    expect(problems(localDate, '31/03/2025')).toHaveLength(1);
  });

  it('accepts IANA time zones the runtime knows, not offsets or inventions', () => {
    for (const zone of ['Asia/Tokyo', 'Europe/Moscow', 'Asia/Taipei', 'UTC', 'America/Argentina/Buenos_Aires']) expect(problems(timeZone, zone)).toEqual([]);
    for (const zone of ['Mars/Olympus_Mons', '+09:00', 'Tokyo', '']) {
      expect(problems(timeZone, zone)).toEqual(['value: must be an IANA time zone such as Asia/Tokyo, Europe/Moscow or UTC']);
    }
    expect(isKnownTimeZone('Asia/Tokyo')).toBe(true);
    expect(isKnownTimeZone('Asia/Atlantis')).toBe(false);
  });

  it('keeps labels short, comma-free, at most 20 and different ignoring case', () => {
    expect(label.parse(' 特許 ')).toBe('特許');
    expect(problems(label, 'a,b')).toEqual(['value: must be 1–50 characters without commas']);
    expect(problems(label, 'x'.repeat(51))).toEqual(['value: must be 1–50 characters without commas']);
    expect(problems(label, '')).toEqual(['value: must be 1–50 characters without commas']);
    expect(problems(labels, Array.from({length: 20}, (_, i) => `l${i}`))).toEqual([]);
    expect(problems(labels, Array.from({length: 21}, (_, i) => `l${i}`))).toEqual(['value: must be a list of at most 20 different labels']);
    expect(problems(labels, ['Urgent', 'urgent'])).toEqual(['value: must not repeat a label (labels are compared ignoring case)']);
  });

  it('names tasks by id or by key', () => {
    expect(problems(taskRef, 'PAT-12')).toEqual([]);
    expect(problems(taskRef, '0b8f1e52-4c1d-4d7e-9b7a-2f1c3d4e5f60')).toEqual([]);
    expect(problems(taskRef, 'PAT 12')).toEqual(['value: must be a task id or a task key such as PAT-12']);
    expect(isTaskKey('PAT-12')).toBe(true);
    expect(isTaskKey('pat-12')).toBe(false);
    expect(isTaskKey('PAT-0')).toBe(false);
  });
});
