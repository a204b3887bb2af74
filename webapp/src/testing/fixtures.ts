// Bridge answers that satisfy the contract, for tests of the client and the
// panel. Checked against the contract's own schema so they cannot drift.
import {taskSchema} from '../api/contract';
import type {Task} from '../api/contract';

import {testIds} from './hostStore';

export const bridgeUrl = 'https://bridge.example.com';

export function connectResponse(token: string, expiresAt: Date, url = bridgeUrl) {
  return {
    response_type: 'ephemeral',
    text: '',
    props: {baton_url: url, baton_token: token, baton_expires_at: expiresAt.toISOString()},
  };
}

export function taskFixture(overrides: Partial<Task> = {}): Task {
  return taskSchema.parse({
    id: 'task-1',
    key: 'PAT-12',
    title: '明細書のレビュー',
    description: '',
    statusId: 'open',
    status: {id: 'open', name: 'Open', category: 'open'},
    priority: 'normal',
    holderId: testIds.user,
    handedById: null,
    acceptedAt: null,
    creatorId: testIds.user,
    channelId: testIds.channel,
    watcherIds: [],
    deadlines: [],
    startDate: null,
    parentId: null,
    progress: null,
    labels: [],
    caseRef: null,
    sourcePostId: null,
    createdAt: '2025-03-31T08:00:00.000Z',
    updatedAt: '2025-03-31T08:00:00.000Z',
    closedAt: null,
    version: 3,
    externalContact: null,
    ...overrides,
  });
}

/** An error body as server-bridge/src/http/presenters/errorPresenter.ts writes it. */
export function errorBody(status: number, id: string, message: string, details?: Record<string, unknown>) {
  return {id, message, status, ...(details ? {details} : {}), request_id: 'req-1'};
}
