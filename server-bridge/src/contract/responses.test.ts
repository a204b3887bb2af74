import {commentSchema} from './comment';
import {taskListPageSchema} from './list';
import {taskSchema} from './task';
import {mmId} from '../testing/mattermostIds';
import {timelineEventSchema} from './timeline';

// The webapp checks every response against these schemas, so a bridge that
// drifts from the contract is caught at the first call.

const sampleTask = {
  id: '0b8f1e52-4c1d-4d7e-9b7a-2f1c3d4e5f60',
  key: 'PAT-12',
  title: 'Reply to office action',
  description: '',
  statusId: 'in_progress',
  status: {id: 'in_progress', name: 'In progress', category: 'open'},
  priority: 'high',
  holderId: mmId('sato'),
  handedById: mmId('tanaka'),
  acceptedAt: null,
  creatorId: mmId('tanaka'),
  channelId: mmId('patents'),
  watcherIds: [mmId('ivanova')],
  deadlines: [{kind: 'legal', dueAt: '2025-03-31T14:59:59.999Z', allDay: true, timeZone: 'Asia/Tokyo'}],
  startDate: null,
  parentId: null,
  progress: {done: 1, total: 3},
  labels: ['OA'],
  caseRef: {id: 'P-2025-001', url: 'https://ip.example.com/cases/P-2025-001'},
  sourcePostId: null,
  createdAt: '2025-03-01T00:00:00.000Z',
  updatedAt: '2025-03-02T00:00:00.000Z',
  closedAt: null,
  version: 3,
  externalContact: null,
};

describe('response schemas', () => {
  it('accept a task as the bridge presents it', () => {
    expect(taskSchema.parse(sampleTask)).toEqual(sampleTask);
    expect(taskListPageSchema.parse({items: [sampleTask], nextCursor: null})).toEqual({items: [sampleTask], nextCursor: null});
  });

  it('require every task field, version included', () => {
    const {version: _version, ...withoutVersion} = sampleTask;
    expect(taskSchema.safeParse(withoutVersion).success).toBe(false);
    expect(taskSchema.safeParse({...sampleTask, holderId: undefined}).success).toBe(false);
    expect(taskSchema.safeParse({...sampleTask, createdAt: '2025-03-01T09:00:00+09:00'}).success).toBe(false);
    expect(taskSchema.safeParse({...sampleTask, key: 'pat-12'}).success).toBe(false);
  });

  it('ignore fields a newer bridge adds, so the webapp keeps working', () => {
    expect(taskSchema.parse({...sampleTask, colour: 'red'})).not.toHaveProperty('colour');
  });

  it('accept comments and timeline events with any JSON from/to', () => {
    const comment = {id: 'c1', taskId: sampleTask.id, authorId: mmId('sato'), body: 'Done', createdAt: '2025-03-01T00:00:00.000Z', updatedAt: '2025-03-01T00:00:00.000Z', edited: false};
    expect(commentSchema.parse(comment)).toEqual(comment);
    const event = {id: '41', taskId: sampleTask.id, actorId: mmId('sato'), at: '2025-03-01T00:00:00.000Z', kind: 'handed_off', field: 'holderId', from: mmId('sato'), to: {userId: mmId('tanaka')}};
    expect(timelineEventSchema.parse(event)).toEqual(event);
    expect(timelineEventSchema.parse({...event, kind: 'a_future_kind', field: null, from: null, to: [1, 2]})).toMatchObject({kind: 'a_future_kind'});
  });
});
