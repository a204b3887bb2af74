import type {Comment, TimelineEvent} from '../api/contract';
import {createTestHostStore} from '../testing/hostStore';

import {loadDetail} from './detailLoader';

// Names in the detail view come from profiles; whoever the comments and the
// timeline name is handed to the profile loader once they have loaded.

const author = 'a'.repeat(26);
const actor = 'b'.repeat(26);
const from = 'c'.repeat(26);
const to = 'd'.repeat(26);

const comment: Comment = {id: 'c1', taskId: 'task-1', authorId: author, body: 'ok', createdAt: '2025-04-01T00:00:00.000Z', updatedAt: '2025-04-01T00:00:00.000Z', edited: false};
const event = (field: string | null, values: {from: unknown; to: unknown}): TimelineEvent => ({id: `e-${String(field)}`, taskId: 'task-1', actorId: actor, at: '2025-04-01T00:00:00.000Z', kind: 'changed', field, ...values});

describe('loading the detail’s comments and timeline', () => {
  it('asks for the profiles of comment authors, actors and the people a handoff moved between', async () => {
    const profiles = {ensure: jest.fn()};
    const api = {
      getTask: jest.fn(),
      listComments: jest.fn().mockResolvedValue({items: [comment], nextCursor: null}),
      listTimeline: jest.fn().mockResolvedValue({items: [event('holderId', {from, to}), event('title', {from: 'Old', to: 'New'})], nextCursor: null}),
    };
    await loadDetail('task-1', {store: createTestHostStore(), api, profiles});

    const asked = profiles.ensure.mock.calls.map(([ids]: [string[]]) => ids);
    expect(asked).toEqual(expect.arrayContaining([[author], [actor, from, to, actor]]));
    expect(asked).toHaveLength(2);
  });
});
