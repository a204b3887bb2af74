import {formatZodIssues} from './errors';
import {parseTaskSort, taskListQuerySchema} from './list';
import {pageQuerySchema} from './pagination';
import {taskExportQuerySchema} from './taskExport';
import {mmId} from '../testing/mattermostIds';

const problems = (value: unknown) => {
  const result = taskListQuerySchema.safeParse(value);
  return result.success ? [] : formatZodIssues(result.error, 'query');
};

describe('TaskListQuery', () => {
  it('defaults to the 50 most recently updated tasks', () => {
    expect(taskListQuerySchema.parse({})).toEqual({limit: 50, sort: {by: 'updatedAt', dueKind: null, descending: true}});
  });

  it('coerces query-string text: limit, comma lists, booleans, sort', () => {
    expect(
      taskListQuerySchema.parse({
        holderId: mmId('sato'),
        statusId: 'open, in_progress',
        statusCategory: 'open',
        priority: 'high,urgent',
        overdue: 'false',
        dueKind: 'legal',
        dueBefore: '2025-04-01T00:00:00+09:00',
        sort: 'due:legal',
        limit: '200',
        cursor: 'eyJrIjoiUEFULTEyIn0',
      }),
    ).toEqual({
      holderId: mmId('sato'),
      statusId: ['open', 'in_progress'],
      statusCategory: 'open',
      priority: ['high', 'urgent'],
      overdue: false,
      dueKind: 'legal',
      dueBefore: '2025-04-01T00:00:00+09:00',
      sort: {by: 'due', dueKind: 'legal', descending: false},
      limit: 200,
      cursor: 'eyJrIjoiUEFULTEyIn0',
    });
  });

  it('explains a limit out of range or not a number', () => {
    const rule = 'limit: must be a whole number from 1 to 200';
    for (const limit of ['0', '201', 'ten', '2.5', '']) expect(problems({limit})).toEqual([rule]);
  });

  it('explains bad sort, enum and boolean values', () => {
    expect(problems({sort: 'title'})).toEqual(['sort: must be one of updatedAt, createdAt, priority, key or due:<kind> (e.g. due:legal), with a leading - for descending order']);
    expect(problems({priority: 'high,hot'})).toEqual(['priority.1: must be one of low, normal, high, urgent']);
    expect(problems({statusId: ','})).toEqual([expect.stringMatching(/^statusId: must be status ids, separated by commas/)]);
    expect(problems({overdue: 'yes'})).toEqual(['overdue: must be true or false']);
    expect(problems({cursor: 'not a cursor!'})).toEqual(['cursor: must be the nextCursor of the previous page, unchanged']);
  });

  it('refuses a due range without offsets or in the wrong order', () => {
    expect(problems({dueBefore: '2025-04-01T00:00'})).toEqual([expect.stringMatching(/^dueBefore: must include a UTC offset or Z/)]);
    expect(problems({dueAfter: '2025-04-02T00:00:00Z', dueBefore: '2025-04-01T00:00:00Z'})).toEqual(['dueAfter: must be earlier than dueBefore']);
  });

  it('refuses unknown and repeated parameters, naming them', () => {
    expect(problems({stauts: 'open'})).toEqual([expect.stringMatching(/^stauts: is not a known field \(known fields: holderId, .*limit, cursor\)$/)]);
    expect(problems({label: ['a', 'b']})).toEqual(['label: must be 1–50 characters without commas']);
  });

  it('parses every sort form', () => {
    expect(parseTaskSort('-key')).toEqual({by: 'key', dueKind: null, descending: true});
    expect(parseTaskSort('-due:customer_2')).toEqual({by: 'due', dueKind: 'customer_2', descending: true});
    expect(() => parseTaskSort('due:')).toThrow('not a task sort');
  });
});

describe('paging and export queries', () => {
  it('pages comments and timelines with the same limit and cursor rules', () => {
    expect(pageQuerySchema.parse({limit: '10'})).toEqual({limit: 10});
    expect(pageQuerySchema.safeParse({limit: '500'}).success).toBe(false);
  });

  it('exports in csv or json with the list filters, no paging', () => {
    expect(taskExportQuerySchema.parse({format: 'csv', label: 'OA'})).toMatchObject({format: 'csv', label: 'OA'});
    expect(formatZodIssues(taskExportQuerySchema.safeParse({format: 'xlsx'}).error!, 'query')).toEqual(['format: must be csv or json']);
    expect(taskExportQuerySchema.safeParse({format: 'json', limit: '10'}).success).toBe(false);
  });
});
