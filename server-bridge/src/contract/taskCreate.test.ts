import {formatZodIssues} from './errors';
import {taskCreateSchema} from './taskCreate';
import {mmId} from '../testing/mattermostIds';

const problems = (value: unknown) => {
  const result = taskCreateSchema.safeParse(value);
  return result.success ? [] : formatZodIssues(result.error);
};

describe('TaskCreate', () => {
  it('needs only a title and fills in the defaults', () => {
    expect(taskCreateSchema.parse({title: '  Reply to office action  '})).toEqual({
      title: 'Reply to office action',
      description: '',
      priority: 'normal',
      statusId: 'open',
    });
  });

  it('accepts every field at once', () => {
    const full = {
      title: '拒絶理由通知への応答',
      description: '**Draft** the reply.',
      channelId: mmId('patents'),
      holderId: mmId('sato'),
      priority: 'urgent',
      statusId: 'in_progress',
      deadlines: [{kind: 'legal', due: '2025-03-31', timeZone: 'Asia/Tokyo'}],
      startDate: '2025-03-01',
      parentId: 'PAT-11',
      labels: ['OA', '特許'],
      caseRef: {id: 'P-2025-001', url: 'https://ip.example.com/cases/P-2025-001'},
      sourcePostId: mmId('post1'),
      watcherIds: [mmId('tanaka'), mmId('ivanova')],
    };
    expect(taskCreateSchema.parse(full)).toEqual(full);
  });

  it('treats null like an omitted optional field', () => {
    const nulls = {channelId: null, holderId: null, startDate: null, parentId: null, caseRef: null, sourcePostId: null};
    expect(taskCreateSchema.parse({title: 'ok', ...nulls})).toMatchObject(nulls);
    expect(problems({title: 'ok', labels: null})).toEqual(['labels: must be a list of at most 20 different labels']);
  });

  it('explains a 201-character title', () => {
    expect(problems({title: 'x'.repeat(201)})).toEqual(['title: must be 1–200 characters']);
  });

  it('says the title is required, and what it must be', () => {
    expect(problems({})).toEqual(['title: is required (1–200 characters)']);
    expect(problems({title: '   '})).toEqual(['title: must be 1–200 characters']);
  });

  it('refuses unknown fields, naming each one', () => {
    const lines = problems({title: 'ok', dueDate: '2025-03-31', assignee: mmId('sato')});
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^dueDate: is not a known field \(known fields: title, description, channelId, holderId, .*\)$/);
    expect(lines[1]).toMatch(/^assignee: is not a known field/);
  });

  it('refuses a deadline date-time without an offset, saying so', () => {
    expect(problems({title: 'ok', deadlines: [{kind: 'legal', due: '2025-03-31T17:00'}]})).toEqual([
      'deadlines.0.due: must include a UTC offset or Z, e.g. 2025-03-31T17:00:00+09:00 (a date-time without an offset names no single moment)',
    ]);
  });

  it('checks labels, case reference and lengths', () => {
    expect(problems({title: 'ok', labels: ['a,b']})).toEqual(['labels.0: must be 1–50 characters without commas']);
    expect(problems({title: 'ok', description: 'x'.repeat(20_001)})).toEqual(['description: must be markdown text of at most 20000 characters']);
    expect(problems({title: 'ok', caseRef: {id: 'P-1', url: 'javascript:alert(1)'}})).toEqual(['caseRef.url: must be an http:// or https:// URL of at most 2000 characters']);
    expect(problems({title: 'ok', caseRef: {id: 'x'.repeat(101), url: 'https://ip.example.com'}})).toEqual(['caseRef.id: must be 1–100 characters']);
    expect(problems({title: 'ok', priority: 'critical'})).toEqual(['priority: must be one of low, normal, high, urgent']);
    expect(problems({title: 'ok', watcherIds: [mmId('a'), mmId('a')]})).toEqual(['watcherIds: must not repeat a user id']);
  });

  it('refuses a body that is not an object', () => {
    expect(problems(undefined)).toEqual(['body: is required (a JSON object)']);
    expect(problems(['title'])).toEqual(['body: must be a JSON object']);
  });
});
