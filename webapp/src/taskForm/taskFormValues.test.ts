import {taskFixture} from '../testing/fixtures';
import {testIds} from '../testing/hostStore';

import {checkCreate, checkPatch, fieldOfBridgeError} from './taskFormValidation';
import {createBody, labelsOf, patchChanges, rebaseValues, valuesFromPrefill, valuesFromTask} from './taskFormValues';
import type {TaskFormValues} from './taskFormValues';

const blank = (overrides: Partial<TaskFormValues> = {}): TaskFormValues => ({...valuesFromPrefill({}, testIds.channel, testIds.user), ...overrides});

describe('task form values', () => {
  it('start from the prefill: the current channel and me as holder unless the prefill says otherwise', () => {
    expect(valuesFromPrefill({}, testIds.channel, testIds.user)).toMatchObject({title: '', channelId: testIds.channel, holderId: testIds.user, priority: 'normal'});
    expect(valuesFromPrefill({title: 'T', description: 'D', channelId: null, parentId: 'PAT-1'}, testIds.channel, testIds.user))
      .toMatchObject({title: 'T', description: 'D', channelId: null, parent: 'PAT-1'});
  });

  it('make a create body with only what was filled in, labels split on commas and the source post', () => {
    const values = blank({title: 'Review', deadlines: {legal: '2025-04-10', customer: '', internal: '2025-04-04'}, labels: ' patent, , urgent ', caseId: 'C-1', caseUrl: 'https://erp.example.com/c/1', parent: ' PAT-3 '});
    expect(createBody(values, 'pppppppppppppppppppppppppp')).toEqual({
      title: 'Review',
      description: '',
      channelId: testIds.channel,
      holderId: testIds.user,
      priority: 'normal',
      deadlines: [{kind: 'legal', due: '2025-04-10'}, {kind: 'internal', due: '2025-04-04'}],
      labels: ['patent', 'urgent'],
      caseRef: {id: 'C-1', url: 'https://erp.example.com/c/1'},
      parentId: 'PAT-3',
      sourcePostId: 'pppppppppppppppppppppppppp',
    });
    expect(createBody(blank({title: 'x', channelId: null, holderId: null}))).toEqual({title: 'x', description: '', channelId: null, holderId: null, priority: 'normal'});
  });

  it('read a task: all-day deadlines as the date in their zone, labels joined, the parent by key when known', () => {
    const task = taskFixture({
      deadlines: [{kind: 'legal', dueAt: '2025-04-10T14:59:59.999Z', allDay: true, timeZone: 'Asia/Tokyo'}, {kind: 'custom_one', dueAt: '2025-04-11T00:00:00.000Z', allDay: true, timeZone: 'UTC'}],
      labels: ['a', 'b'],
      parentId: 'parent-id',
      startDate: '2025-04-01',
    });
    expect(valuesFromTask(task, (id) => (id === 'parent-id' ? 'PAT-1' : undefined))).toMatchObject({
      deadlines: {legal: '2025-04-10', customer: '', internal: ''},
      labels: 'a, b',
      parent: 'PAT-1',
      startDate: '2025-04-01',
    });
  });

  it('patch only what changed; cleared values become null, a cleared deadline `due: null`', () => {
    const started = valuesFromTask(taskFixture({deadlines: [{kind: 'legal', dueAt: '2025-04-10T14:59:59.999Z', allDay: true, timeZone: 'Asia/Tokyo'}], labels: ['a'], caseRef: {id: 'C', url: 'https://x.example.com'}, startDate: '2025-04-01'}));
    expect(patchChanges(started, {...started})).toEqual({});
    expect(patchChanges(started, {...started, labels: 'a ,'})).toEqual({});
    const edited = {...started, title: 'New', deadlines: {legal: '', customer: '2025-05-01', internal: ''}, startDate: '', caseId: '', caseUrl: '', labels: 'a, b'};
    expect(patchChanges(started, edited)).toEqual({
      title: 'New',
      deadlines: [{kind: 'legal', due: null}, {kind: 'customer', due: '2025-05-01'}],
      startDate: null,
      labels: ['a', 'b'],
      caseRef: null,
    });
  });

  it('after a conflict, keep the person’s edits on top of the current task', () => {
    const started = blank({title: 'Old', description: 'same', priority: 'low'});
    const edited = {...started, title: 'Mine', deadlines: {...started.deadlines, legal: '2025-04-10'}};
    const current = {...started, description: 'Theirs', priority: 'high' as const};
    const rebased = rebaseValues(started, edited, current);
    expect(rebased).toMatchObject({title: 'Mine', description: 'Theirs', priority: 'high', deadlines: {legal: '2025-04-10', customer: '', internal: ''}});
    expect(patchChanges(current, rebased)).toEqual({title: 'Mine', deadlines: [{kind: 'legal', due: '2025-04-10'}]});
  });

  it('splits labels on commas and drops empty ones', () => {
    expect(labelsOf(' a,b ,, c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('task form checks (the shared contract)', () => {
  it('names the invalid fields in the form’s order', () => {
    const body = createBody(blank({title: '  ', deadlines: {legal: '', customer: '', internal: '2025-13-40'}, caseId: 'C', caseUrl: 'ftp://x', labels: 'a, A'}));
    expect(checkCreate(body).map((issue) => issue.field)).toEqual(['title', 'deadline.internal', 'labels', 'caseUrl']);
    expect(checkCreate(createBody(blank({title: 'ok'})))).toEqual([]);
  });

  it('checks a patch with its version; nothing changed is not an error', () => {
    expect(checkPatch({}, 3)).toEqual([]);
    expect(checkPatch({startDate: '31/03/2025'}, 3).map((issue) => issue.field)).toEqual(['startDate']);
    expect(checkPatch({title: 'fine'}, 3)).toEqual([]);
  });

  it('places a bridge 400 at its field, deadlines by their kind', () => {
    expect(fieldOfBridgeError('deadlines.1.due', {deadlines: [{kind: 'legal'}, {kind: 'customer'}]})).toBe('deadline.customer');
    expect(fieldOfBridgeError('caseRef.url', {})).toBe('caseUrl');
    expect(fieldOfBridgeError('parentId', {})).toBe('parent');
    expect(fieldOfBridgeError('version', {})).toBeNull();
    expect(fieldOfBridgeError(null, {})).toBeNull();
  });
});
